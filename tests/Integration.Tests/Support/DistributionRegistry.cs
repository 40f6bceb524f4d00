using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>
/// The real CNCF distribution registry (Debian package <c>docker-registry</c>) on a free loopback
/// port, with deletes enabled and its storage in a temporary folder.
/// </summary>
public sealed class DistributionRegistry : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("oci-cleanup-registry-").FullName;
    private Process? _process;

    public Uri Url { get; private set; } = null!;

    public string HostPort => $"{Url.Host}:{Url.Port}";

    public async Task InitializeAsync()
    {
        var binary = new[] { "/usr/bin/docker-registry", "/usr/sbin/docker-registry" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("docker-registry is not installed: run tests/run.sh, which installs it");
        var port = FreePort();
        var config = Path.Combine(_root, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {_root}/data
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
            """);
        _process = Process.Start(new ProcessStartInfo(binary) { ArgumentList = { "serve", config }, RedirectStandardError = true, RedirectStandardOutput = true })!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        Url = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(Url, "v2/"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("docker-registry did not start");
    }

    /// <summary>What a HEAD of the manifest <paramref name="reference"/> (a tag or digest) answers, asking for any OCI manifest kind.</summary>
    public async Task<HttpStatusCode> ManifestStatusAsync(string repository, string reference)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(Url, $"v2/{repository}/manifests/{reference}"));
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json");
        return (await http.SendAsync(request)).StatusCode;
    }

    /// <summary>`docker-registry garbage-collect`: blobs no manifest references any more are removed for good.</summary>
    public async Task GarbageCollectAsync()
    {
        var binary = new[] { "/usr/bin/docker-registry", "/usr/sbin/docker-registry" }.First(File.Exists);
        var result = await Tool.RunAsync(binary, _root, "garbage-collect", Path.Combine(_root, "config.yml"));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"garbage-collect failed: {result.Output}");
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
