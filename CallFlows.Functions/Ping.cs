using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions;

/// <summary>Probe.</summary>
public static class Ping
{
    /// <summary>Probe.</summary>
    [Function("Ping")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req) => new OkResult();

    /// <summary>Probe.</summary>
    [Function("PingOrch")]
    public static Task<string> Orch([OrchestrationTrigger] TaskOrchestrationContext ctx) => ctx.CallActivityAsync<string>("PingAct", "x");

    /// <summary>Probe.</summary>
    [Function("PingAct")]
    public static string Act([ActivityTrigger] string input) => input;
}
