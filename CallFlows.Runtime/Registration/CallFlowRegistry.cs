using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Runtime;

/// <summary>
/// Every flow of the app, found once by its <see cref="CallFlowAttribute"/> in the app's assemblies (and the runtime's
/// built-in reject and redirect flows). A flow's name is its orchestrator function's name; a registered class without
/// one, or two flows with one name, are errors reported at startup.
/// </summary>
internal sealed class CallFlowRegistry
{
    private readonly Dictionary<string, CallFlowRegistration> _flows = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _errors = [];

    public CallFlowRegistry(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        foreach (var assembly in assemblies.Append(typeof(CallFlowRegistry).Assembly).Distinct())
        {
            foreach (var type in LoadableTypes(assembly).Where(t => t.GetCustomAttribute<CallFlowAttribute>() is not null))
            {
                Register(type);
            }
        }
    }

    public IReadOnlyCollection<CallFlowRegistration> Flows => _flows.Values;

    /// <summary>Problems found while registering (each names the class).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Finds a flow by name, ignoring case, with or without the <c>Flow</c> suffix.</summary>
    /// <param name="name">The name from configuration or a request.</param>
    /// <param name="kind">The kind required, if any.</param>
    /// <returns>The flow, or null.</returns>
    public CallFlowRegistration? Find(string? name, CallFlowKind? kind = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var found = _flows.GetValueOrDefault(name.Trim()) ?? _flows.GetValueOrDefault(name.Trim() + "Flow");
        return found is not null && (kind is null || found.Kind == kind) ? found : null;
    }

    /// <summary>The names of the flows of a kind, for error messages.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The names, sorted.</returns>
    public string Names(CallFlowKind kind) =>
        string.Join(", ", _flows.Values.Where(f => f.Kind == kind && f.FlowType.Assembly != typeof(CallFlowRegistry).Assembly).Select(f => f.Name).Order(StringComparer.Ordinal));

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.Where(t => t is not null)!;
        }
    }

    private void Register(Type type)
    {
        if (type.IsAbstract || !typeof(CallFlowBase).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
        {
            _errors.Add($"{type.FullName} is marked [CallFlow] but is not a concrete InboundCallFlow<TSettings, TResult> or OutboundCallFlow<TInput, TResult> with a parameterless constructor.");
            return;
        }

        var orchestrators = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null
                && m.GetParameters().Any(p => p.ParameterType == typeof(TaskOrchestrationContext) && p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))
            .ToList();
        if (orchestrators.Count != 1)
        {
            _errors.Add($"Flow {type.FullName} needs exactly one orchestrator function, e.g. " +
                $"[Function(nameof({type.Name}))] public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<{type.Name}>(context); found {orchestrators.Count}.");
            return;
        }

        var name = orchestrators[0].GetCustomAttribute<FunctionAttribute>()!.Name;
        var flow = (CallFlowBase)Activator.CreateInstance(type)!;
        if (_flows.TryGetValue(name, out var existing))
        {
            _errors.Add($"Flows {existing.FlowType.FullName} and {type.FullName} are both named {name}.");
            return;
        }

        var answerOnArrival = type.GetCustomAttribute<CallFlowAttribute>()!.AnswerOnArrival;
        if (answerOnArrival && flow.Kind != CallFlowKind.Inbound)
        {
            _errors.Add($"Flow {type.FullName} is marked AnswerOnArrival but is not an inbound flow: only an incoming call can be answered.");
            return;
        }

        _flows[name] = new CallFlowRegistration(name, type, flow.Kind, flow.InputType, flow.ResultType, flow, answerOnArrival);
    }
}
