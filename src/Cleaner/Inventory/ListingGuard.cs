namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Proves a paged list complete or says why it is not (docs/configuration.md, "A partial picture never deletes": a partial picture is a failed
/// source, never a smaller fleet). Pure bookkeeping over what each page held: a page served twice
/// (a <c>Link</c> loop), an item listed twice (a proxy that ignores <c>page</c>), a total that
/// changes or is exceeded, fewer items than announced, more pages than the total allows.
/// </summary>
internal sealed class ListingGuard(string registry, string what, int maxPages = 100_000)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pages = new(StringComparer.Ordinal);
    private int? _announced;
    private readonly int _maxPages = maxPages;
    private int _pageCap = maxPages;

    public int Received => _keys.Count;

    /// <summary>Records one page. <paramref name="announcedTotal"/> is the server's total, where it gives one.</summary>
    public void Page(string page, IReadOnlyCollection<string> itemKeys, int? announcedTotal)
    {
        if (!_pages.Add(page))
        {
            throw Incomplete($"page {page} was served twice (a Link loop)");
        }

        if (_announced is { } before && announcedTotal != before)
        {
            throw Incomplete($"the total changed from {before} to {announcedTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} while the list was read");
        }

        if (_announced is null && announcedTotal is { } total)
        {
            _announced = total;
            // The first page's size bounds how many pages the announced total can take.
            _pageCap = Math.Min(_maxPages, (total / Math.Max(1, itemKeys.Count)) + 2);
        }

        foreach (var key in itemKeys)
        {
            if (!_keys.Add(key))
            {
                throw Incomplete($"{key} was listed twice (a proxy that ignores paging?)");
            }
        }

        if (_announced is { } announced && Received > announced)
        {
            throw Incomplete($"{Received} items received but the server announced {announced}");
        }

        if (_pages.Count > _pageCap)
        {
            throw Incomplete($"more than {_pageCap} pages for {_announced?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown number of"} items");
        }
    }

    /// <summary>Checks the page the server says comes next, before it is requested.</summary>
    public void Next(string? page)
    {
        if (page is not null && _pages.Contains(page))
        {
            throw Incomplete($"the next-page link points back at page {page}, already read (a Link loop)");
        }
    }

    /// <summary>The list ended: every announced item must have come.</summary>
    public void Finish()
    {
        if (_announced is { } announced && Received < announced)
        {
            throw Incomplete($"only {Received} of the {announced} items the server announced (X-Total-Count) were listed");
        }
    }

    private RegistryException Incomplete(string why) => new(registry, $"{what}: incomplete list: {why}");
}
