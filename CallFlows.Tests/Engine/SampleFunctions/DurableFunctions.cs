using CallFlows.LocalHost.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using FromBodyAttribute = Microsoft.Azure.Functions.Worker.Http.FromBodyAttribute;

namespace CallFlows.Tests.Engine.SampleFunctions;

/// <summary>A flow whose activity leaves a trace in a file, so a test can count how often it really ran across a process kill.</summary>
public static class DurableFunctions
{
    public const string Orchestrator = "Engine_Durable";
    public const string EventName = "Go";

    [Function("Engine_StartDurable")]
    public static async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "engine/durable")] HttpRequest request,
        [FromBody] MarkerRequest body,
        [DurableClient] DurableTaskClient client)
    {
        string id = await client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, body);
        return new AcceptedResult(null as string, DurableHttpManagementPayload.Create(new Uri($"{request.Scheme}://{request.Host}"), id));
    }

    [Function(Orchestrator)]
    public static async Task<int> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        MarkerRequest request = context.GetInput<MarkerRequest>()!;
        await context.CallActivityAsync<int>("Engine_AppendMarker", request with { Line = "before" });
        context.SetCustomStatus("waiting");
        await context.WaitForExternalEvent<string>(EventName, TimeSpan.FromMinutes(5));
        return await context.CallActivityAsync<int>("Engine_AppendMarker", request with { Line = "after" });
    }

    [Function("Engine_AppendMarker")]
    public static async Task<int> AppendMarkerAsync([ActivityTrigger] MarkerRequest request, CancellationToken cancellationToken)
    {
        await File.AppendAllLinesAsync(request.MarkerPath, [request.Line], cancellationToken);
        return (await File.ReadAllLinesAsync(request.MarkerPath, cancellationToken)).Length;
    }
}
