using System.ComponentModel.DataAnnotations;
using CallFlows.CallAutomation;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Contoso.CallCenter.Flows;

// A flow is one unit for its team: the flow, its input and its results live in this one file.

/// <summary>A callback the customer asked for: call the customer, then bring in the agent (started by <c>POST /api/calls</c>).</summary>
[CallFlow]
public sealed class CustomerCallback : OutboundCallFlow<CustomerCallbackRequest, CustomerCallbackResult>
{
    /// <summary>The orchestrator function; its name is the <c>flow</c> of <c>POST /api/calls</c>.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(CustomerCallback))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<CustomerCallback>(context);

    /// <inheritdoc />
    public override async Task<CustomerCallbackResult> RunAsync(CallFlowContext flow, CustomerCallbackRequest input)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(input);
        CallFlowCall call;
        try
        {
            call = await flow.CreateCallAsync(CommunicationIdentifier.FromRawId(input.Customer!),
                new CreateCallFlowOptions { CallerId = new PhoneNumberIdentifier(input.CallerNumber!) });
        }
        catch (CallNotConnectedException)
        {
            return CustomerCallbackResult.CustomerNotReached;
        }

        var agentJoined = false;
        try
        {
            var customer = CommunicationIdentifier.FromRawId(input.Customer!);
            var agent = CommunicationIdentifier.FromRawId(input.Agent!);
            var added = await call.AddParticipantAsync(agent);
            if (!added.Succeeded)
            {
                await call.HangUpAsync(forEveryone: true);
                return CustomerCallbackResult.AgentNotReached;
            }

            // The app is the call's third party: when either leaves, the call is over for the other one too.
            agentJoined = true;
            await call.WaitForParticipantAsync(agent, TimeSpan.FromSeconds(10));
            await call.WaitUntilAsync(() => !call.Has(agent) || !call.Has(customer), TimeSpan.FromMinutes(30));
            await call.HangUpAsync(forEveryone: true);
            return CustomerCallbackResult.Connected;
        }
        catch (CallEndedException)
        {
            return agentJoined ? CustomerCallbackResult.Connected : CustomerCallbackResult.CustomerHungUp;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> Validate(CustomerCallbackRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Customer is not null && CommunicationIdentifier.FromRawId(input.Customer) is UnknownIdentifier)
        {
            yield return new ValidationResult($"'{input.Customer}' is not a raw id.", [nameof(input.Customer)]);
        }
    }
}

/// <summary>The body of <c>POST /api/calls</c> for <see cref="CustomerCallback"/>.</summary>
public sealed class CustomerCallbackRequest
{
    /// <summary>The customer to call (raw id). Required.</summary>
    [Required]
    public string? Customer { get; set; }

    /// <summary>The agent to connect (raw id). Required.</summary>
    [Required]
    public string? Agent { get; set; }

    /// <summary>Contoso's number shown to the customer (E.164). Required.</summary>
    [Required]
    public string? CallerNumber { get; set; }
}

/// <summary>How a customer callback ended.</summary>
public enum CustomerCallbackResult
{
    /// <summary>Customer and agent talked.</summary>
    [FlowOutcome("The customer and the agent were connected.", Succeeded = true)]
    Connected,

    /// <summary>The customer did not answer.</summary>
    [FlowOutcome("The customer did not answer.")]
    CustomerNotReached,

    /// <summary>The agent did not answer.</summary>
    [FlowOutcome("The agent did not answer; the call was ended.")]
    AgentNotReached,

    /// <summary>The customer hung up before the agent joined.</summary>
    [FlowOutcome("The customer hung up before the agent joined.")]
    CustomerHungUp,
}
