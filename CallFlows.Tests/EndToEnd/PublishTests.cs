using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.Azurite;
using Microsoft.Azure.Functions.Worker;

namespace CallFlows.Tests.EndToEnd;

/// <summary>The deployable artifact: <c>dotnet publish</c> of the Functions app declares every function with its binding.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PublishTests
{
    static readonly string[] KeyHttpFunctions = [IncomingCallTrigger.FunctionName, CallbackTrigger.FunctionName, StartCallTrigger.FunctionName, CallStatusTrigger.FunctionName];

    static readonly string[] KeyOrchestrators =
    [
        nameof(InboundRoutingFlow), nameof(RejectCallFlow), nameof(RedirectCallFlow), nameof(OutboundCallFlow), nameof(GroupCallFlow), nameof(ConnectCallFlow),
        nameof(GroupTransferFlow), nameof(CancelAddParticipantFlow), nameof(RemoveParticipantFlow), nameof(HangUpForEveryoneFlow),
    ];

    static readonly string[] KeyActivities =
    [
        CallActionNames.AnswerCall, CallActionNames.RejectCall, CallActionNames.RedirectCall, CallActionNames.CreateCall, CallActionNames.CreateGroupCall,
        CallActionNames.ConnectCall, CallActionNames.TransferCall, CallActionNames.AddParticipant, CallActionNames.CancelAddParticipant,
        CallActionNames.RemoveParticipant, CallActionNames.HangUp, CallActionNames.EndAbandonedCall,
    ];

    [Fact]
    public async Task Publish_FunctionsApp_MetadataDeclaresEveryTriggerOrchestratorAndActivity()
    {
        string root = AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Repository root not found.");
        string output = Path.Combine(Path.GetTempPath(), "callflows-publish-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            (int exit, string log) = await RunAsync(root, "publish", Path.Combine(root, "CallFlows.Functions"), "-c", "Release", "-o", output, "--nologo", "-v", "q");
            exit.Should().Be(0, log);
            foreach (string file in new[] { "functions.metadata", "host.json", "worker.config.json", "CallFlows.Functions.dll" })
            {
                File.Exists(Path.Combine(output, file)).Should().BeTrue($"the publish folder holds {file}");
            }

            using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")));
            Dictionary<string, JsonElement> published = metadata.RootElement.EnumerateArray()
                .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("bindings").EnumerateArray().First(IsTrigger).Clone());

            List<ExpectedFunction> expected = ExpectedFromAssembly();
            expected.Select(e => e.Name).Should().Contain(KeyHttpFunctions).And.Contain(KeyOrchestrators).And.Contain(KeyActivities);
            published.Keys.Should().BeEquivalentTo(expected.Select(e => e.Name), "functions.metadata lists exactly the app's [Function] methods");
            published.Keys.Should().Contain(KeyHttpFunctions).And.Contain(KeyOrchestrators).And.Contain(KeyActivities);

            foreach (ExpectedFunction function in expected)
            {
                JsonElement trigger = published[function.Name];
                trigger.GetProperty("type").GetString().Should().Be(function.TriggerType, function.Name);
                trigger.GetProperty("direction").GetString().Should().Be("In", function.Name);
                if (function.TriggerType == "httpTrigger")
                {
                    trigger.GetProperty("route").GetString().Should().Be(function.Route, function.Name);
                    trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant())
                        .Should().BeEquivalentTo(function.Methods, function.Name);
                }
            }

            published.Where(p => KeyOrchestrators.Contains(p.Key)).Should().OnlyContain(p => p.Value.GetProperty("type").GetString() == "orchestrationTrigger");
            published.Where(p => KeyActivities.Contains(p.Key)).Should().OnlyContain(p => p.Value.GetProperty("type").GetString() == "activityTrigger");
            published[IncomingCallTrigger.FunctionName].GetProperty("route").GetString().Should().Be("incoming-call");
            published[CallbackTrigger.FunctionName].GetProperty("route").GetString().Should().Be("callbacks/{instanceId}");
            published[CallbackTrigger.FunctionName].GetProperty("authLevel").GetString().Should().Be("Anonymous", "callbacks authenticate by the ACS JWT");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    static bool IsTrigger(JsonElement binding) => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal);

    static List<ExpectedFunction> ExpectedFromAssembly()
    {
        var result = new List<ExpectedFunction>();
        // The app's own functions and those of the runtime library it references (indexed by the worker SDK).
        foreach (MethodInfo method in new[] { typeof(IncomingCallTrigger).Assembly, typeof(InboundRoutingFlow).Assembly }.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            ParameterInfo[] parameters = method.GetParameters();
            if (parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null) is { } http)
            {
                result.Add(new ExpectedFunction(function.Name, "httpTrigger", http.Route, http.Methods?.Select(m => m.ToLowerInvariant()).ToArray() ?? []));
            }
            else if (parameters.Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))
            {
                result.Add(new ExpectedFunction(function.Name, "orchestrationTrigger", null, []));
            }
            else if (parameters.Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
            {
                result.Add(new ExpectedFunction(function.Name, "activityTrigger", null, []));
            }
            else if (parameters.Any(p => p.GetCustomAttribute<TimerTriggerAttribute>() is not null))
            {
                result.Add(new ExpectedFunction(function.Name, "timerTrigger", null, []));
            }
            else
            {
                throw new InvalidOperationException($"{method.DeclaringType}.{method.Name} has a trigger this test does not know.");
            }
        }

        return result;
    }

    static async Task<(int Exit, string Log)> RunAsync(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(psi)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    sealed record ExpectedFunction(string Name, string TriggerType, string? Route, string[] Methods);
}
