using k8s;
using k8s.Models;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Integration.Tests.Support;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Integration.Tests.Deployment;

/// <summary>
/// kubeconform-style checks of kubernetes/: every manifest deserializes into KubernetesClient's
/// typed models, references between them resolve, and the security settings an operator relies on hold.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string[] Files = [.. Kustomization().Where(f => f.EndsWith(".yaml", StringComparison.Ordinal))];

    private static IEnumerable<string> Kustomization() =>
        Repository.Read("kubernetes/kustomization.yaml").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim());

    private static List<IKubernetesObject> Objects() =>
        [.. Files.SelectMany(f => KubernetesYaml.LoadAllFromString(Repository.Read($"kubernetes/{f}"))).Cast<IKubernetesObject>()];

    private static T Single<T>() => Objects().OfType<T>().Single();

    [Fact]
    public void Kustomization_EveryResourceExistsAndDeserializesTyped()
    {
        foreach (var file in Kustomization())
        {
            File.Exists(Repository.PathOf($"kubernetes/{file}")).ShouldBeTrue(file);
        }

        var objects = Objects();
        objects.ShouldAllBe(o => !string.IsNullOrEmpty(o.ApiVersion) && !string.IsNullOrEmpty(o.Kind));
        objects.Select(o => o.GetType().Name).ShouldBe(
            ["V1Namespace", "V1ServiceAccount", "V1ClusterRole", "V1ClusterRoleBinding", "V1Role", "V1RoleBinding", "V1ConfigMap", "V1Secret", "V1PersistentVolumeClaim", "V1CronJob"],
            ignoreOrder: true);
    }

    [Fact]
    public void Rbac_IsReadOnlyAndSecretsOnlyByNameInANamespacedRole()
    {
        var clusterRole = Single<V1ClusterRole>();
        clusterRole.Rules.SelectMany(r => r.Verbs).Distinct().ShouldBe(["get", "list"], ignoreOrder: true);
        clusterRole.Rules.SelectMany(r => r.Resources).ShouldNotContain("secrets");
        clusterRole.Rules.Where(r => r.Resources.Contains("configmaps")).SelectMany(r => r.Verbs).ShouldBe(["get"]);
        var role = Single<V1Role>();
        role.Rules.ShouldHaveSingleItem().Resources.ShouldBe(["secrets"]);
        role.Rules[0].Verbs.ShouldBe(["get"]);
        Single<V1ClusterRoleBinding>().Subjects.ShouldHaveSingleItem().Name.ShouldBe(Single<V1ServiceAccount>().Metadata.Name);
        Single<V1ClusterRoleBinding>().RoleRef.Name.ShouldBe(clusterRole.Metadata.Name);
    }

    [Fact]
    public void CronJob_NeverOverlapsAndRunsLockedDown()
    {
        var cron = Single<V1CronJob>();
        cron.Spec.ConcurrencyPolicy.ShouldBe("Forbid");
        cron.Spec.StartingDeadlineSeconds.ShouldNotBeNull();
        var pod = cron.Spec.JobTemplate.Spec.Template.Spec;
        pod.ServiceAccountName.ShouldBe(Single<V1ServiceAccount>().Metadata.Name);
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
        var secretRef = container.Env.Single(e => e.Name == "GITEA_TOKEN").ValueFrom.SecretKeyRef;
        Single<V1Secret>().Metadata.Name.ShouldBe(secretRef.Name);
        Single<V1Secret>().StringData.ShouldContainKey(secretRef.Key);
        pod.Volumes.Single(v => v.PersistentVolumeClaim is not null).PersistentVolumeClaim.ClaimName.ShouldBe(Single<V1PersistentVolumeClaim>().Metadata.Name);
        pod.Volumes.Single(v => v.ConfigMap is not null).ConfigMap.Name.ShouldBe(Single<V1ConfigMap>().Metadata.Name);
    }

    [Fact]
    public void ConfigMap_ConfigAndPinsAreValidForTheProgram()
    {
        var data = Single<V1ConfigMap>().Data;
        var config = ConfigLoader.Parse("/etc/oci-cleanup/config.yaml", data["config.yaml"]);
        var pins = PinsFileParser.Parse("/etc/oci-cleanup/registry-pins.txt", data["registry-pins.txt"]);

        config.Mode.ShouldBe(RunMode.DryRun);
        config.Registries.ShouldHaveSingleItem().Token!.EnvironmentVariable.ShouldBe("GITEA_TOKEN");
        config.Clusters.ShouldHaveSingleItem().Kubeconfig.ShouldBeNull("in-cluster");
        config.PinsFiles.ShouldBe(["/etc/oci-cleanup/registry-pins.txt"]);
        pins.Errors.ShouldBeEmpty();
        pins.Rules.Length.ShouldBe(2);
    }

    [Fact]
    public async Task CronJob_ArgumentsAreAcceptedByTheProgram()
    {
        var args = Single<V1CronJob>().Spec.JobTemplate.Spec.Template.Spec.Containers[0].Args
            .Select(a => a == "/etc/oci-cleanup/config.yaml" ? "/nonexistent/config.yaml" : a).ToArray();

        var result = await CleanerProcess.RunAsync(args);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("/nonexistent/config.yaml:0: (file): configuration file not found");
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
