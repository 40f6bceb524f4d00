using System.Collections.Immutable;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// After deletes (SPEC §1 step 4): re-read every kept index and check that each child still
/// resolves, so a broken image is reported by the run instead of discovered by a pull.
/// </summary>
internal sealed class KeptIndexValidator(IReadOnlyDictionary<string, IRegistry> registries)
{
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
            var current = await ProbeAsync(registry, index.Package, index.Version, cancellationToken);
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
                if (await ProbeAsync(registry, index.Package, child.ToString(), cancellationToken) != child)
                {
                    problems.Add($"{index}: child {child} no longer resolves");
                }
            }
        }

        return problems.ToImmutable();
    }

    private static async Task<Pins.Digest?> ProbeAsync(IRegistry registry, PackageKey package, string reference, CancellationToken cancellationToken)
    {
        try
        {
            return await registry.ResolveDigestAsync(package, reference, cancellationToken);
        }
        catch (RegistryException)
        {
            return null;
        }
    }
}
