using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using CallFlows.LocalHost.Azurite;

namespace CallFlows.Tests.Infrastructure;

/// <summary>
/// <c>infra/</c> compiles and lints clean with the pinned Bicep CLI (NuGet package
/// <c>Azure.Bicep.CommandLine.linux-x64</c>, offline), and the compiled template carries what CallFlows needs.
/// </summary>
public sealed class BicepTemplateTests
{
    static readonly string Root = AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Repository root not found.");

    static readonly string MainTemplate = Path.Combine(Root, "infra", "main.bicep");

    // One compilation serves the tests that read the compiled template.
    static readonly Lazy<Task<BicepRun>> Compiled = new(() => RunBicepAsync("build", MainTemplate, "--stdout"));

    [Fact]
    public async Task Build_MainTemplate_CompilesWithNoDiagnostics()
    {
        BicepRun run = await RunBicepAsync("build", MainTemplate, "--stdout");

        run.ExitCode.Should().Be(0, run.StandardError);
        run.StandardError.Should().BeEmpty("bicep build reports no warning or error");
        using JsonDocument template = JsonDocument.Parse(run.StandardOutput);
        template.RootElement.GetProperty("$schema").GetString().Should().Contain("subscriptionDeploymentTemplate");
    }

    [Fact]
    public async Task Lint_MainTemplate_ReportsNothing()
    {
        BicepRun run = await RunBicepAsync("lint", MainTemplate);

        run.ExitCode.Should().Be(0, run.StandardOutput + run.StandardError);
        (run.StandardOutput + run.StandardError).Trim().Should().BeEmpty("bicep lint reports no diagnostic");
    }

    [Fact]
    public async Task Build_IncomingCallSubscription_DeliversOnlyIncomingCallsWithAcsRetryPolicy()
    {
        using JsonDocument template = await BuildAsync();

        JsonElement subscription = FindResources(template.RootElement, "Microsoft.EventGrid/systemTopics/eventSubscriptions").Should().ContainSingle().Subject;
        JsonElement properties = subscription.GetProperty("properties");
        properties.GetProperty("filter").GetProperty("includedEventTypes").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("Microsoft.Communication.IncomingCall");
        properties.GetProperty("retryPolicy").GetProperty("maxDeliveryAttempts").GetInt32().Should().Be(2);
        properties.GetProperty("retryPolicy").GetProperty("eventTimeToLiveInMinutes").GetInt32().Should().Be(1);
        properties.GetProperty("filter").GetProperty("advancedFilters").GetRawText().Should().Contain("data.to.PhoneNumber.Value");

        string destination = properties.GetProperty("destination").GetRawText();
        destination.Should().Contain("/api/incoming-call?code=").And.Contain("azureActiveDirectoryApplicationIdOrUri");
    }

    [Fact]
    public async Task Build_FunctionApp_SetsEverySettingCallFlowsNeedsInAzure()
    {
        using JsonDocument template = await BuildAsync();

        JsonElement settings = FindResources(template.RootElement, "Microsoft.Web/sites/config").Should().ContainSingle().Subject;
        string text = settings.GetProperty("properties").GetRawText();
        string[] required =
        [
            "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "AZURE_CLIENT_ID",
            "CallFlows__CallbackBaseUrl", "CallFlows__Acs__Endpoint", "CallFlows__Acs__ResourceId",
            "CallFlows__Routing__UnroutedRejectReason",
            "CallFlows__CallbackSigning__Keys__0", "CallFlows__StrandedCallSweep__Schedule",
            $"CallFlows__{EventGridAuthOptions.SectionName.Split(':')[1]}__{nameof(EventGridAuthOptions.Enabled)}",
            $"CallFlows__{EventGridAuthOptions.SectionName.Split(':')[1]}__{nameof(EventGridAuthOptions.TenantId)}",
            $"CallFlows__{EventGridAuthOptions.SectionName.Split(':')[1]}__{nameof(EventGridAuthOptions.Audience)}",
        ];
        text.Should().ContainAll(required);
        template.RootElement.GetRawText().Should().Contain("CallFlows__Routing__Rules__{0}__{1}", "routing rules become indexed app settings");
        text.Should().NotContain("CallFlows__Acs__ConnectionString", "Azure uses the managed identity, not an access key");

        JsonElement app = FindResources(template.RootElement, "Microsoft.Web/sites").Should().ContainSingle().Subject;
        string runtime = app.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime").GetRawText();
        runtime.Should().Contain("dotnet-isolated").And.Contain("10.0");
    }

    [Fact]
    public async Task Build_RoleAssignments_GrantStorageAndAcsToTheAppIdentity()
    {
        using JsonDocument template = await BuildAsync();

        string roles = string.Join('\n', FindResources(template.RootElement, "Microsoft.Authorization/roleAssignments").Select(r => r.GetRawText()));
        roles.Should().Contain("storageBlobDataOwner").And.Contain("storageQueueDataContributor").And.Contain("storageTableDataContributor");
        roles.Should().Contain("contributor").And.Contain("Microsoft.Communication/communicationServices");
        FindResources(template.RootElement, "Microsoft.EventGrid/systemTopics").Single().GetProperty("properties").GetProperty("topicType").GetString()
            .Should().Be("Microsoft.Communication.CommunicationServices");
    }

    static async Task<JsonDocument> BuildAsync()
    {
        BicepRun run = await Compiled.Value;
        run.ExitCode.Should().Be(0, run.StandardError);
        return JsonDocument.Parse(run.StandardOutput);
    }

    // Compiled modules nest as Microsoft.Resources/deployments with their own template; resources are an array or,
    // with symbolic names, an object: walk the whole document.
    static List<JsonElement> FindResources(JsonElement element, string type)
    {
        var found = new List<JsonElement>();
        Walk(element);
        return found;

        void Walk(JsonElement node)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object:
                    if (node.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String
                        && string.Equals(t.GetString(), type, StringComparison.OrdinalIgnoreCase)
                        && !node.TryGetProperty("existing", out _))
                    {
                        found.Add(node.Clone());
                    }

                    foreach (JsonProperty property in node.EnumerateObject())
                    {
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (JsonElement item in node.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }
    }

    static string BicepPath()
    {
        string path = typeof(BicepTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepCli").Value ?? throw new InvalidOperationException("The BicepCli path is not compiled in.");
        File.Exists(path).Should().BeTrue($"the restore downloads the Bicep CLI to {path}");
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    static async Task<BicepRun> RunBicepAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(BicepPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline: no telemetry, no update check.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        Task<string> output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepRun(process.ExitCode, await output, await error);
    }

    sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError);
}
