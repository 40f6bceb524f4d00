namespace OciCleanup.Cleaner.Inventory.Store;

/// <summary>
/// What went wrong with a cache this run, for the log: the first few, then only a count, so an
/// unwritable folder under a 100k-version inventory makes ten lines, not a hundred thousand.
/// </summary>
internal sealed class StoreNotes
{
    private const int Kept = 10;

    private readonly Lock _gate = new();
    private readonly List<string> _first = [];
    private int _more;

    public void Add(string note)
    {
        lock (_gate)
        {
            if (_first.Count < Kept)
            {
                _first.Add(note);
            }
            else
            {
                _more++;
            }
        }
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_gate)
            {
                return _more == 0 ? [.. _first] : [.. _first, $"… and {_more} more like these"];
            }
        }
    }
}
