using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace CallFlows.LocalHost.Engine;

/// <summary>
/// A DurableTask.Core orchestration that builds the shim around the app's orchestrator when it runs, so that the
/// parent instance (known only from the runtime state, which the dispatcher middleware reads) reaches
/// <c>TaskOrchestrationContext.Parent</c> of sub-orchestrations.
/// </summary>
internal sealed class ParentAwareOrchestration(TaskName name, ITaskOrchestrator orchestrator, DurableTaskShimFactory shimFactory)
    : TaskOrchestration
{
    TaskOrchestration? inner;

    /// <summary>Gets or sets the parent instance; set by the dispatcher middleware before execution.</summary>
    public ParentOrchestrationInstance? Parent { get; set; }

    public override Task<string> Execute(OrchestrationContext context, string input)
    {
        this.inner = shimFactory.CreateOrchestration(name, orchestrator, this.Parent);
        return this.inner.Execute(context, input);
    }

    public override void RaiseEvent(OrchestrationContext context, string name, string input) =>
        this.inner?.RaiseEvent(context, name, input);

    public override string GetStatus() => this.inner?.GetStatus()!;
}
