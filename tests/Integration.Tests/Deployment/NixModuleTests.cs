using System.Text.Json;
using OciCleanup.Cleaner.Configuration;

namespace OciCleanup.Integration.Tests.Deployment;

/// <summary>
/// nix/module.nix, nix/settings.nix, nix/assertions.nix and flake.nix evaluated by nix-instantiate
/// without nixpkgs: the module with the stub lib of Deployment/Nix, the rendering and the assertions
/// as the plain functions they are. Type checking and merging by nixpkgs' module system are not
/// evaluated here (the flake's checks do that where nixpkgs is).
/// </summary>
public sealed class NixModuleTests
{
    private const string Credentials = "/run/credentials/oci-cleanup.service/";

    // services.oci-cleanup as the module system hands it to the module: nested defaults written out.
    private const string Cfg = """
        {
          enable = true; dryRun = false; schedule = "Mon *-*-* 02:00:00";
          pinsFile = "/nix/store/11111111111111111111111111111111-registry-pins.txt";
          tokenFile = "/run/secrets/gitea-token"; kubeconfig = "/run/secrets/kubeconfig";
          settings = {
            registries = [
              { name = "main"; kind = "gitea"; url = "https://git.example.org"; owners = [ "oleks" ]; tokenFile = null; tokenEnv = null; basicAuthFile = null; types = null; hostAliases = [ "git.example.org" ]; repositories = null; }
              { name = "lan"; kind = "oci"; url = "http://registry.lan:5000"; owners = [ ]; tokenFile = null; tokenEnv = null; basicAuthFile = "/run/secrets/lan-registry"; types = null; hostAliases = [ ]; repositories = { include = [ "team/*" ]; exclude = [ ]; }; }
            ];
            pins.files = [ ];
            clusters = [ { name = "armer"; kubeconfig = null; context = "armer"; } { name = "edge"; kubeconfig = "/run/secrets/edge"; context = null; } ];
            references = { workloads = null; replicaSetHistory = null; helmReleases = null; helmReleaseSecrets = false; imagePolicies = null; };
            retention = { default = { keepLast = 5; keepWithinDays = null; keepTags = null; removeTags = null; untaggedAfterDays = null; minAgeHours = null; }; packages = [ ]; };
            safety = { failClosed = null; maxDeletes = 100; maxDeleteFraction = 0.25; maxProtectedShrink = null; };
            report = { auditLog = null; metricsFile = "/var/lib/prometheus/node-exporter/oci-cleanup.prom"; };
          };
        }
        """;

    private static Task<JsonElement> ModuleAsync(string cfg = Cfg) => NixEval.EvalAsync($"import ./{NixEval.Folder}/eval-module.nix {{ cfg = {cfg}; }}");

    private static IEnumerable<(string Path, JsonElement Option)> Options(JsonElement options, string path)
    {
        foreach (var property in options.EnumerateObject())
        {
            var here = path + "." + property.Name;
            if (property.Value.TryGetProperty("_type", out var t) && t.GetString() == "option")
            {
                yield return (here, property.Value);
                foreach (var inner in Submodules(property.Value.GetProperty("type")).SelectMany(s => Options(s, here)))
                {
                    yield return inner;
                }
            }
            else
            {
                foreach (var inner in Options(property.Value, here))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<JsonElement> Submodules(JsonElement type)
    {
        if (type.TryGetProperty("options", out var options))
        {
            yield return options;
        }

        if (type.TryGetProperty("elem", out var elem))
        {
            foreach (var inner in Submodules(elem))
            {
                yield return inner;
            }
        }
    }

    [Fact]
    public async Task Options_SettingsTypedWithFreeformType_EveryOptionDocumented()
    {
        var options = (await ModuleAsync()).GetProperty("options");
        var settingsType = options.GetProperty("settings").GetProperty("type");

        settingsType.GetProperty("freeformType").GetProperty("name").GetString().ShouldBe("yaml");
        settingsType.GetProperty("options").EnumerateObject().Select(p => p.Name).ShouldBe(["clusters", "pins", "references", "registries", "report", "retention", "safety"], ignoreOrder: true);
        var all = Options(options, "services.oci-cleanup").ToList();
        all.Select(o => o.Path).ShouldContain("services.oci-cleanup.settings.retention.default.keepLast");
        all.Select(o => o.Path).ShouldContain("services.oci-cleanup.settings.registries.owners");
        all.Select(o => o.Path).ShouldContain("services.oci-cleanup.settings.safety.maxDeleteFraction");
        all.Count.ShouldBeGreaterThan(40);
        all.Where(o => !o.Option.TryGetProperty("description", out var d) || d.GetString()!.Length < 10).Select(o => o.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Config_RenderedSettings_AreAcceptedByTheProgramWithSecretsAsCredentials()
    {
        var module = await ModuleAsync();

        var config = ConfigLoader.Parse("/nix/store/oci-cleanup.yaml", module.GetProperty("renderedConfig").GetString()!);

        config.Mode.ShouldBe(RunMode.Delete);
        config.Registries.Select(r => r.Token?.File).ShouldBe([Credentials + "gitea-token", null]);
        config.Registries[1].BasicAuth!.File.ShouldBe(Credentials + "registry-lan-basic-auth");
        config.Clusters.Select(c => c.Kubeconfig).ShouldBe([Credentials + "kubeconfig", Credentials + "cluster-edge-kubeconfig"]);
        config.PinsFiles.ShouldBe(["/nix/store/11111111111111111111111111111111-registry-pins.txt"]);
        config.Retention.Default.KeepLast.ShouldBe(5);
        config.Safety.MaxDeleteFraction.ShouldBe(0.25);
        config.Safety.StateDir.ShouldBe("/var/lib/oci-cleanup");
        config.References.HelmReleaseSecrets.ShouldBeFalse();
        config.Report.MetricsFile.ShouldBe("/var/lib/prometheus/node-exporter/oci-cleanup.prom");
    }

    [Fact]
    public async Task Service_EverySecretIsALoadCredential_MetricsPathWritable_NeverRestartedByADeploy()
    {
        var module = await ModuleAsync();
        var service = module.GetProperty("service");
        var serviceConfig = service.GetProperty("serviceConfig");

        module.GetProperty("enabledOnlyWhen").GetBoolean().ShouldBeTrue();
        module.GetProperty("failedAssertions").GetArrayLength().ShouldBe(0);
        service.GetProperty("restartIfChanged").GetBoolean().ShouldBeFalse();
        serviceConfig.GetProperty("LoadCredential").EnumerateArray().Select(e => e.GetString()).ShouldBe(
            ["gitea-token:/run/secrets/gitea-token", "kubeconfig:/run/secrets/kubeconfig", "registry-lan-basic-auth:/run/secrets/lan-registry", "cluster-edge-kubeconfig:/run/secrets/edge"],
            ignoreOrder: true);
        serviceConfig.GetProperty("ReadWritePaths").EnumerateArray().Select(e => e.GetString()).ShouldBe(["-/var/lib/prometheus/node-exporter"]);
        var configFile = service.GetProperty("environment").GetProperty("OCI_CLEANUP_CONFIG").GetString()!;
        serviceConfig.GetProperty("ExecStart").GetString().ShouldEndWith($"/bin/oci-cleanup run --config {configFile} --report table --log-format json");
        module.GetProperty("timer").GetProperty("timerConfig").GetProperty("OnCalendar").GetString().ShouldBe("Mon *-*-* 02:00:00");
    }

    [Fact]
    public async Task Service_HardeningMatchesTheSystemdUnit()
    {
        var serviceConfig = (await ModuleAsync()).GetProperty("service").GetProperty("serviceConfig");
        var unit = Repository.Read("systemd/oci-cleanup.service").Split('\n')
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .ToLookup(d => d.Key, d => d.Value);
        string[] keys = ["Type", "DynamicUser", "StateDirectory", "StateDirectoryMode", "UMask", "ProtectSystem", "ProtectHome", "PrivateTmp", "PrivateDevices", "NoNewPrivileges", "CapabilityBoundingSet", "AmbientCapabilities", "RestrictAddressFamilies", "RestrictNamespaces", "RestrictRealtime", "RestrictSUIDSGID", "LockPersonality", "ProtectClock", "ProtectHostname", "ProtectKernelLogs", "ProtectKernelModules", "ProtectKernelTunables", "ProtectControlGroups", "ProtectProc", "ProcSubset", "SystemCallArchitectures", "SystemCallFilter"];

        foreach (var key in keys)
        {
            var expected = unit[key].ToList();
            var value = serviceConfig.GetProperty(key);
            List<string> actual = value.ValueKind switch
            {
                JsonValueKind.True => ["yes"],
                JsonValueKind.False => ["no"],
                JsonValueKind.Array when expected.Count == 1 => [string.Join(' ', value.EnumerateArray().Select(e => e.GetString()))],
                JsonValueKind.Array => [.. value.EnumerateArray().Select(e => e.GetString()!)],
                _ => [value.GetString()!],
            };
            actual.ShouldBe(expected, key);
        }
    }

    [Fact]
    public async Task Config_SettingsModeGiven_AssertionPointsAtDryRun()
    {
        var module = await ModuleAsync(Cfg.Replace("settings = {", "settings = { mode = \"delete\";", StringComparison.Ordinal));

        module.GetProperty("failedAssertions").EnumerateArray().Select(e => e.GetString()).ShouldBe(["services.oci-cleanup: set dryRun instead of settings.mode"]);
    }
}
