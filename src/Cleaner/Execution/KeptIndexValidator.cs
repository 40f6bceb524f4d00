using System.Collections.Immutable;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Cleaner.Planning;

namespace OciCleanup.Cleaner.Execution;

/// <summary>
/// After deletes (SPEC §1 step 4): re-read every kept index and check that each child still
/// resolves, so a broken image is reported by the run instead of discovered by a pull. A registry
/// that cannot answer (gone, refusing connections) is a validation failure too, never a crash.
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
        catch (Exception e) when (e is RegistryException or HttpRequestException or IOException or OperationCanceledException)
        {
            return (null, e is RegistryException ? e.Message : ErrorCause.Describe(e, RegistryFactory.RequestTimeout));
        }
    }
}
