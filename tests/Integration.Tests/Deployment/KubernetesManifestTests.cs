using k8s;
using k8s.Models;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Integration.Tests.Deployment;

/// <summary>
/// kubeconform-style checks of kubernetes/, as `kubectl kustomize` renders it: every object
/// deserializes into KubernetesClient's typed models, references between them resolve, and the
/// security settings an operator relies on hold.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly Lazy<Task<List<IKubernetesObject>>> Example = new(() => RenderAsync("kubernetes/example"));
    private static readonly Lazy<Task<List<IKubernetesObject>>> Base = new(() => RenderAsync("kubernetes/base"));

    private static async Task<List<IKubernetesObject>> RenderAsync(string folder)
    {
        var result = await Tool.RunAsync("kubectl", Repository.Root, "kustomize", folder);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return [.. KubernetesYaml.LoadAllFromString(result.Stdout).Cast<IKubernetesObject>()];
    }

    private static async Task<T> SingleAsync<T>() => (await Example.Value).OfType<T>().Single();

    [Fact]
    public async Task Example_RendersEveryObjectTyped_WithoutAnySecret()
    {
        var objects = await Example.Value;

        objects.ShouldAllBe(o => !string.IsNullOrEmpty(o.ApiVersion) && !string.IsNullOrEmpty(o.Kind));
        objects.Select(o => o.GetType().Name).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(
            ["V1ClusterRole", "V1ClusterRole", "V1ClusterRoleBinding", "V1ConfigMap", "V1CronJob", "V1Namespace", "V1PersistentVolumeClaim", "V1RoleBinding", "V1RoleBinding", "V1ServiceAccount"]);
        objects.OfType<V1Secret>().ShouldBeEmpty("the token is created with kubectl create secret, never committed");
    }

    [Fact]
    public async Task Base_HasNoNamespaceAnywhere_SoTheOverlayChoosesIt()
    {
        var objects = await Base.Value;

        objects.OfType<V1Namespace>().ShouldBeEmpty();
        objects.Select(o => ((IMetadata<V1ObjectMeta>)o).Metadata.NamespaceProperty).ShouldAllBe(n => n == null);
        objects.OfType<V1ClusterRoleBinding>().SelectMany(b => b.Subjects).ShouldAllBe(s => s.NamespaceProperty == null);
        objects.OfType<V1Secret>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Example_EveryNamespacedObjectIsInTheOverlaysNamespace()
    {
        var objects = await Example.Value;
        var ns = (await SingleAsync<V1Namespace>()).Metadata.Name;

        foreach (var o in objects.Where(o => o is not (V1Namespace or V1ClusterRole or V1ClusterRoleBinding or V1RoleBinding)))
        {
            ((IMetadata<V1ObjectMeta>)o).Metadata.NamespaceProperty.ShouldBe(ns, o.Kind);
        }

        (await SingleAsync<V1ClusterRoleBinding>()).Subjects.ShouldHaveSingleItem().NamespaceProperty.ShouldBe(ns);
    }

    [Fact]
    public async Task Rbac_ReadOnly_SecretsOnlyByGetInTheListedNamespaces()
    {
        var objects = await Example.Value;
        var readerName = (await SingleAsync<V1ClusterRoleBinding>()).RoleRef.Name;
        var reader = objects.OfType<V1ClusterRole>().Single(r => r.Metadata.Name == readerName);
        var serviceAccount = await SingleAsync<V1ServiceAccount>();

        reader.Rules.SelectMany(r => r.Verbs).Distinct().ShouldBe(["get", "list"], ignoreOrder: true);
        reader.Rules.SelectMany(r => r.Resources).ShouldNotContain("secrets");
        reader.Rules.Where(r => r.Resources.Contains("configmaps")).SelectMany(r => r.Verbs).ShouldBe(["get"]);
        var secrets = objects.OfType<V1ClusterRole>().Single(r => r.Rules.Any(rule => rule.Resources.Contains("secrets")));
        secrets.Rules.ShouldHaveSingleItem().Verbs.ShouldBe(["get"]);
        // Granted per namespace only: RoleBindings, never a ClusterRoleBinding.
        objects.OfType<V1ClusterRoleBinding>().ShouldNotContain(b => b.RoleRef.Name == secrets.Metadata.Name);
        var bindings = objects.OfType<V1RoleBinding>().ToList();
        bindings.Select(b => b.Metadata.NamespaceProperty).ShouldBe(["flux-apps", "kotkan"], ignoreOrder: true);
        foreach (var binding in bindings)
        {
            (binding.RoleRef.ApiGroup, binding.RoleRef.Kind, binding.RoleRef.Name).ShouldBe(("rbac.authorization.k8s.io", "ClusterRole", secrets.Metadata.Name), binding.Metadata.NamespaceProperty);
            var subject = binding.Subjects.ShouldHaveSingleItem();
            (subject.Kind, subject.Name, subject.NamespaceProperty).ShouldBe(("ServiceAccount", serviceAccount.Metadata.Name, serviceAccount.Metadata.NamespaceProperty));
        }
    }

    [Fact]
    public async Task CronJob_NeverOverlapsAndRunsLockedDown()
    {
        var cron = await SingleAsync<V1CronJob>();
        cron.Spec.ConcurrencyPolicy.ShouldBe("Forbid");
        cron.Spec.StartingDeadlineSeconds.ShouldNotBeNull();
        var pod = cron.Spec.JobTemplate.Spec.Template.Spec;
        pod.ServiceAccountName.ShouldBe((await SingleAsync<V1ServiceAccount>()).Metadata.Name);
        pod.SecurityContext.RunAsNonRoot.ShouldBe(true);
        pod.SecurityContext.SeccompProfile.Type.ShouldBe("RuntimeDefault");
        var container = pod.Containers.ShouldHaveSingleItem();
        container.SecurityContext.ReadOnlyRootFilesystem.ShouldBe(true);
        container.SecurityContext.AllowPrivilegeEscalation.ShouldBe(false);
        container.SecurityContext.Capabilities.Drop.ShouldBe(["ALL"]);
        container.Resources.Requests.ShouldContainKey("memory");
        container.Resources.Limits.ShouldContainKey("memory");
        // Every mount has a volume, and what a read-only root needs to write is mounted.
        container.VolumeMounts.Select(m => m.Name).ShouldBe(pod.Volumes.Select(v => v.Name), ignoreOrder: true);
        container.VolumeMounts.Select(m => m.MountPath).ShouldContain("/tmp");
        container.VolumeMounts.Select(m => m.MountPath).ShouldContain("/var/lib/oci-cleanup");
        container.Env.Single(e => e.Name == "GITEA_TOKEN").ValueFrom.SecretKeyRef.Name.ShouldBe("oci-cleanup-token");
        pod.Volumes.Single(v => v.PersistentVolumeClaim is not null).PersistentVolumeClaim.ClaimName.ShouldBe((await SingleAsync<V1PersistentVolumeClaim>()).Metadata.Name);
        pod.Volumes.Single(v => v.ConfigMap is not null).ConfigMap.Name.ShouldBe((await SingleAsync<V1ConfigMap>()).Metadata.Name);
        container.Image.ShouldBe($"registry.example.org/oci-cleanup:{Versions.Props()}");
    }

    [Fact]
    public void Readme_CreatesTheSecretTheCronJobReads()
    {
        Repository.Read("README.md").ShouldContain("create secret generic oci-cleanup-token --from-file=token=");
    }

    [Fact]
    public async Task ConfigMap_ConfigAndPinsAreValidForTheProgram()
    {
        var data = (await SingleAsync<V1ConfigMap>()).Data;
        var config = ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", data["config.yaml"]);
        var pins = PinsFileParser.Parse("/etc/oci-cleanup/registry-pins.txt", data["registry-pins.txt"]);

        config.Mode.ShouldBe(RunMode.DryRun);
        config.Registries.ShouldHaveSingleItem().Token!.EnvironmentVariable.ShouldBe("GITEA_TOKEN");
        config.Clusters.ShouldHaveSingleItem().Kubeconfig.ShouldBeNull("in-cluster");
        config.PinsFiles.ShouldBe(["/etc/oci-cleanup/registry-pins.txt"]);
        config.Safety.StateDir.ShouldBe("/var/lib/oci-cleanup");
        pins.Errors.ShouldBeEmpty();
        pins.Rules.Length.ShouldBe(2);
    }

    [Fact]
    public async Task CronJob_ArgumentsAgainstGitea_TableOnStdoutForKubectlLogsJsonReportOnTheVolume()
    {
        const string token = "cronjob-token";
        await using var gitea = new GiteaTestServer(token);
        await gitea.StartAsync();
        gitea.Push("oleks", "cms-plugins", "staging", StoredManifest.Image("s"), DateTimeOffset.UtcNow.AddDays(-30));
        using var folder = new TempFolder();
        var config = folder.Write("config.yaml", $"registries: [{{name: main, kind: gitea, url: '{gitea.Url}', tokenEnv: GITEA_TOKEN, owners: [oleks]}}]\nsafety: {{stateDir: state}}\n");
        var args = (await SingleAsync<V1CronJob>()).Spec.JobTemplate.Spec.Template.Spec.Containers[0].Args
            .Select(a => a == "/etc/oci-cleanup/config.yaml" ? config : a).ToArray();

        var result = await CleanerProcess.RunAsync(new Dictionary<string, string> { ["GITEA_TOKEN"] = token }, args);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("ACTION");
        result.Stdout.ShouldContain("container/cms-plugins");
        result.Stdout.ShouldNotStartWith("{");
        var report = new ReportJson(await File.ReadAllTextAsync(Path.Combine(folder.Path, "state", "last-report.json")));
        report.Action("cms-plugins", "staging").ShouldBe("keep");
    }

    [Fact]
    public void Dockerfile_MultiStageNonRootRunsTheProgram()
    {
        var lines = Repository.Read("kubernetes/Dockerfile").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);
        lines.ShouldContain(l => l.StartsWith("COPY --from=build", StringComparison.Ordinal));
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Split(':')[0];
        int.Parse(user, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        lines.ShouldContain("ENTRYPOINT [\"dotnet\", \"/app/oci-cleanup.dll\"]");
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            foreach (var source in copy.Split(' ')[1..^1])
            {
                Path.Exists(Repository.PathOf(source)).ShouldBeTrue(source);
            }
        }

        var csproj = lines.Single(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal)).Split(' ')[3];
        File.Exists(Repository.PathOf(csproj)).ShouldBeTrue();
    }
}
