using System.Text.Json.Serialization;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// How far back one object can still roll back (docs/references.md, "Rollback window", the report's optional <c>rollback</c> list):
/// "armer kotkan/Deployment/api: 3 rollbacks back; the 4th (0.1.31) was deleted on 2026-11-20".
/// </summary>
/// <param name="Object">The object, <c>cluster namespace/Kind/name</c>.</param>
/// <param name="RollbacksBack">Earlier deploys, newest first, whose images the registry still holds after this run.</param>
/// <param name="Detail">The sentence a person reads.</param>
internal sealed record RollbackLine(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("rollbacksBack")] int RollbacksBack,
    [property: JsonPropertyName("detail")] string Detail);
