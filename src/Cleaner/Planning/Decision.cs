using System.Collections.Immutable;
using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Planning;

internal enum DecisionAction
{
    Keep,
    Delete,
}

/// <summary>What happens to one version and every reason that holds, the deciding one first.</summary>
internal sealed record Decision(PackageVersion Version, DecisionAction Action, ImmutableArray<Reason> Reasons)
{
    public Reason MainReason => Reasons[0];
}

/// <summary>The planner's output: one decision for every inventoried version, in a stable order.</summary>
internal sealed record Plan(ImmutableArray<Decision> Decisions)
{
    public IEnumerable<Decision> Deletes => Decisions.Where(d => d.Action == DecisionAction.Delete);

    public IEnumerable<Decision> Keeps => Decisions.Where(d => d.Action == DecisionAction.Keep);
}
