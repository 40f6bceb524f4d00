using System.Collections.Immutable;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// After deletes (the last step of ARCHITECTURE.md, "The pipeline"): re-read every kept index and check that each child still
/// resolves, so a broken image is reported by the run instead of discovered by a pull. A registry
/// that cannot answer (gone, refusing connections) is a validation failure too, never a crash.
/// Before deletes, in every run, <see cref="BrokenIndexesAsync"/> finds kept indexes already broken.
/// </summary>
internal sealed class KeptIndexValidator(IReadOnlyDictionary<string, IRegistry> registries)
{
    /// <summary>
    /// Kept indexes whose children are missing now, dry run or not (<c>broken-index</c>, docs/references.md, "Warnings"). A registry
    /// that lists every manifest as a version answers from the inventory, with no request; on one that lists
    /// only tags (a distribution registry) each child no tag holds gets one HEAD, once per package and child.
    /// A child that cannot be checked is no warning: nothing is known of it.
    /// </summary>
    public async Task<ImmutableArray<ReportWarning>> BrokenIndexesAsync(Plan plan, CancellationToken cancellationToken)
    {
        var candidates = BrokenIndexes.Unheld(plan).ToList();
        var probes = candidates.Where(c => !registries[c.Package.Registry].Traits.ListsEveryManifest)
            .SelectMany(c => c.Unheld.Select(child => (c.Package, Child: child))).Distinct().ToList();
        var present = new System.Collections.Concurrent.ConcurrentDictionary<(PackageKey, Pins.Digest), bool>();
        try
        {
            await PerRegistry.ForEachAsync(probes, probe => registries[probe.Package.Registry], async (probe, ct) =>
            {
                var (resolved, error) = await ProbeAsync(registries[probe.Package.Registry], probe.Package, probe.Child.ToString(), ct);
                present[probe] = error is not null || resolved == probe.Child;
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the children not checked yet say nothing.
            probes.ForEach(p => present.TryAdd(p, true));
        }
        return [.. candidates
            .Select(c => (Index: c, Missing: c.Unheld.Where(child => !present.GetValueOrDefault((c.Package, child))).ToList()))
            .Where(c => c.Missing.Count > 0)
            .Select(c => BrokenIndexes.Warning(c.Index, c.Missing))];
    }

    public async Task<ImmutableArray<string>> ValidateAsync(Plan plan, ImmutableDictionary<VersionKey, DeleteOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (!outcomes.Values.Any(o => o is DeleteOutcome.Deleted))
        {
            return [];
        }

        var problems = ImmutableArray.CreateBuilder<string>();
        foreach (var index in plan.Keeps.Where(d => !d.Version.IndexChildren.IsEmpty).Select(d => d.Version))
        {
            var registry = registries[index.Registry];
            var (current, error) = await ProbeAsync(registry, index.Package, index.Version, cancellationToken);
            if (error is not null)
            {
                problems.Add($"{index}: could not be checked: {error}");
                continue;
            }

            if (current is null)
            {
                problems.Add($"{index}: the kept index itself no longer resolves");
                continue;
            }

            if (current != index.Digest)
            {
                continue; // re-pushed since planning: a new index, not the one this run kept
            }

            foreach (var child in index.IndexChildren)
            {
                var (resolved, childError) = await ProbeAsync(registry, index.Package, child.ToString(), cancellationToken);
                if (childError is not null)
                {
                    problems.Add($"{index}: child {child} could not be checked: {childError}");
                }
                else if (resolved != child)
                {
                    problems.Add($"{index}: child {child} no longer resolves");
                }
            }
        }

        return problems.ToImmutable();
    }

    private static async Task<(Pins.Digest? Digest, string? Error)> ProbeAsync(IRegistry registry, PackageKey package, string reference, CancellationToken cancellationToken)
    {
        try
        {
            return (await registry.ResolveDigestAsync(package, reference, cancellationToken), null);
        }
        catch (Exception e) when (RegistryFailure.Is(e))
        {
            return (null, RegistryFailure.Why(e));
        }
    }
}
