using System.Text.Json;
using Microsoft.DurableTask;

namespace CallFlows.Benchmarks.Raw;

/// <summary>
/// The inbound reference flow (answer, invite the agent, end the call when the caller or the agent leaves) written the
/// way a team would without CallFlows: the raw <see cref="TaskOrchestrationContext"/>, external events named after the
/// ACS event type, <c>WaitForExternalEvent</c> with timeouts. It is the baseline of the throughput comparison, so it
/// carries only what the happy path needs (no operation-context matching, no de-duplication, no status).
/// </summary>
internal sealed class RawInboundFlow : TaskOrchestrator<RawCallInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, RawCallInput input)
    {
        string callConnectionId = await context.CallActivityAsync<string>(nameof(RawAnswerActivity), input);
        try
        {
            await context.WaitForExternalEvent<JsonElement>("CallConnected", TimeSpan.FromSeconds(15));
        }
        catch (TaskCanceledException)
        {
            return "NotConnected";
        }

        await context.CallActivityAsync<string>(nameof(RawAddParticipantActivity), new RawActionInput(callConnectionId, input.AgentRawId));
        try
        {
            await context.WaitForExternalEvent<JsonElement>("AddParticipantSucceeded", TimeSpan.FromSeconds(30));
        }
        catch (TaskCanceledException)
        {
            await context.CallActivityAsync<bool>(nameof(RawHangUpActivity), new RawActionInput(callConnectionId));
            return "NoAgent";
        }

        // Stay until the agent has joined and then someone (agent or caller) has left, like the CallFlows flow: one
        // timer bounds the whole stay (a timeout per roster event would add a timer to the history for each event).
        using var maxDuration = new CancellationTokenSource();
        Task stayLimit = context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), maxDuration.Token);
        bool agentJoined = false;
        bool someoneLeft = false;
        while (!someoneLeft)
        {
            Task<JsonElement> next = context.WaitForExternalEvent<JsonElement>("ParticipantsUpdated");
            if (await Task.WhenAny(next, stayLimit) == stayLimit)
            {
                break;
            }

            JsonElement roster = next.Result;
            bool hasAgent = Contains(roster, input.AgentRawId);
            bool hasCaller = input.CallerRawId is null || Contains(roster, input.CallerRawId);
            agentJoined |= hasAgent;
            someoneLeft = agentJoined && (!hasAgent || !hasCaller);
        }

        maxDuration.Cancel();
        await context.CallActivityAsync<bool>(nameof(RawHangUpActivity), new RawActionInput(callConnectionId));
        return "Completed";
    }

    static bool Contains(JsonElement roster, string rawId)
    {
        if (roster.ValueKind != JsonValueKind.Object || !roster.TryGetProperty("participants", out JsonElement participants))
        {
            return false;
        }

        foreach (JsonElement participant in participants.EnumerateArray())
        {
            if (participant.TryGetProperty("identifier", out JsonElement identifier)
                && identifier.TryGetProperty("rawId", out JsonElement id)
                && id.GetString() == rawId)
            {
                return true;
            }
        }

        return false;
    }
}
