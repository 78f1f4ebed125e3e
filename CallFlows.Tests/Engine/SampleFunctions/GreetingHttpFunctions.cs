using CallFlows.LocalHost.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using FromBodyAttribute = Microsoft.Azure.Functions.Worker.Http.FromBodyAttribute;

namespace CallFlows.Tests.Engine.SampleFunctions;

/// <summary>Functions-style HTTP adapters (ASP.NET Core integration) over the greeting flow.</summary>
public static class GreetingHttpFunctions
{
    [Function("Engine_StartGreeting")]
    public static async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "engine/greetings/{name}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string name,
        FunctionContext functionContext,
        CancellationToken cancellationToken)
    {
        int wait = int.TryParse(request.Query["wait"], out int seconds) ? seconds : 60;
        string id = await client.ScheduleNewOrchestrationInstanceAsync(
            GreetingFunctions.Orchestrator, new GreetingRequest(name, wait), cancellationToken);
        functionContext.GetLogger("Engine_StartGreeting").LogInformation("Started {Id}", id);
        var payload = DurableHttpManagementPayload.Create(new Uri($"{request.Scheme}://{request.Host}"), id);
        return new AcceptedResult(payload.StatusQueryGetUri, payload);
    }

    [Function("Engine_Boom")]
    public static IActionResult Boom([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "engine/boom")] HttpRequest request) =>
        throw new InvalidOperationException("boom");

    [Function("Engine_Echo")]
    public static IActionResult Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "engine/echo/{id:int}")] HttpRequest request,
        int id,
        [FromBody] Approval body) =>
        new OkObjectResult(new { id, by = body.By });
}
