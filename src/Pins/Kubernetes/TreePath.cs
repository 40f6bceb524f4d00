using System.Text;

namespace OciCleanup.Pins.Kubernetes;

/// <summary>
/// Where a node sits in a JSON tree, as a link to its parent's path: walking a tree costs one small
/// object per node, and the text (<c>a.b[2].image</c>) is built only for what is reported.
/// </summary>
internal sealed record TreePath(TreePath? Parent, string? Key, int Index)
{
    public static TreePath Root { get; } = new(null, null, -1);

    public TreePath Child(string key) => new(this, key, -1);

    public TreePath Child(int index) => new(this, null, index);

    public bool IsRoot => Parent is null;

    public override string ToString()
    {
        var parts = new Stack<TreePath>();
        for (var p = this; p.Parent is not null; p = p.Parent)
        {
            parts.Push(p);
        }

        var text = new StringBuilder();
        foreach (var p in parts)
        {
            if (p.Key is not null)
            {
                text.Append(text.Length == 0 ? "" : ".").Append(p.Key);
            }
            else
            {
                text.Append('[').Append(p.Index).Append(']');
            }
        }

        return text.ToString();
    }
}
