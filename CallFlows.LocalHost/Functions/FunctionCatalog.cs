using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CallFlows.LocalHost.Functions;

/// <summary>
/// The <c>[Function]</c> methods of an app, sorted into what the local host runs and what it does not. As the Functions
/// worker SDK does (its source generator indexes the app's project and package references, and the published
/// <c>functions.metadata</c> then names the library as <c>scriptFile</c>), the functions of the app's referenced
/// assemblies count too: a library such as CallFlows.Runtime contributes its webhook, callback and activities.
/// </summary>
internal sealed class FunctionCatalog
{
    FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions, IReadOnlyList<(string Name, string Method, string Reason)> notHosted)
    {
        this.Functions = functions;
        this.NotHosted = notHosted;
    }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IReadOnlyList<(string Name, string Method, string Reason)> NotHosted { get; }

    public IEnumerable<FunctionDescriptor> Orchestrators => this.Functions.Where(f => f.Kind == FunctionKind.Orchestrator);

    public IEnumerable<FunctionDescriptor> Activities => this.Functions.Where(f => f.Kind == FunctionKind.Activity);

    public IEnumerable<FunctionDescriptor> HttpFunctions => this.Functions.Where(f => f.Kind == FunctionKind.Http);

    public IEnumerable<FunctionDescriptor> TimerFunctions => this.Functions.Where(f => f.Kind == FunctionKind.Timer);

    public static FunctionCatalog Scan(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<FunctionDescriptor>();
        var notHosted = new List<(string, string, string)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (Type type in AppAssemblies(assembly).SelectMany(LoadableTypes))
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                string display = type.FullName + "." + method.Name;
                if (!names.Add(function.Name))
                {
                    notHosted.Add((function.Name, display, "another function already has this name"));
                    continue;
                }

                if (type.IsAbstract && !method.IsStatic)
                {
                    notHosted.Add((function.Name, display, "instance method of an abstract class"));
                    continue;
                }

                (FunctionDescriptor? descriptor, string? reason) = Describe(function.Name, method);
                if (descriptor is not null)
                {
                    functions.Add(descriptor);
                }
                else
                {
                    notHosted.Add((function.Name, display, reason!));
                }
            }
        }

        return new FunctionCatalog(functions, notHosted);
    }

    /// <summary>The app assembly, then every assembly it references (transitively) that itself references the Functions worker: where <c>[Function]</c> methods can live.</summary>
    internal static IReadOnlyList<Assembly> AppAssemblies(Assembly app)
    {
        string worker = typeof(FunctionAttribute).Assembly.GetName().Name!;
        var result = new List<Assembly> { app };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { app.GetName().Name! };
        var pending = new Queue<Assembly>(result);
        while (pending.Count > 0)
        {
            foreach (AssemblyName reference in pending.Dequeue().GetReferencedAssemblies())
            {
                if (!seen.Add(reference.Name!) || IsPlatform(reference.Name!))
                {
                    continue;
                }

                Assembly loaded;
                try
                {
                    loaded = Assembly.Load(reference);
                }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    continue;
                }

                if (loaded.GetReferencedAssemblies().Any(r => string.Equals(r.Name, worker, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Add(loaded);
                    pending.Enqueue(loaded);
                }
            }
        }

        return result;
    }

    // The SDK and framework assemblies hold no app functions (and some, like the worker itself, reference the worker).
    static bool IsPlatform(string name) =>
        name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name is "mscorlib" or "netstandard" || name.StartsWith("Azure.", StringComparison.Ordinal) || name.StartsWith("Grpc", StringComparison.Ordinal)
        || name.StartsWith("Google.", StringComparison.Ordinal);

    static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            // Types whose dependencies do not load (e.g. test-only packages) cannot be functions we run anyway.
            return ex.Types.Where(t => t is not null)!;
        }
    }

    static (FunctionDescriptor?, string?) Describe(string name, MethodInfo method)
    {
        ParameterInfo[] parameters = method.GetParameters();
        ParameterInfo? trigger = parameters.FirstOrDefault(p => p.GetCustomAttribute<TriggerBindingAttribute>() is not null);
        if (trigger is null)
        {
            return (null, "it has no trigger parameter");
        }

        TriggerBindingAttribute triggerAttribute = trigger.GetCustomAttribute<TriggerBindingAttribute>()!;
        return triggerAttribute switch
        {
            OrchestrationTriggerAttribute => DescribeOrchestrator(name, method, parameters, trigger),
            ActivityTriggerAttribute => DescribeActivity(name, method, parameters, trigger),
            HttpTriggerAttribute http => DescribeHttp(name, method, parameters, trigger, http),
            TimerTriggerAttribute timer => DescribeTimer(name, method, parameters, trigger, timer),
            _ => (null, $"trigger '{triggerAttribute.GetType().Name}' is not hosted locally"),
        };
    }

    static (FunctionDescriptor?, string?) DescribeOrchestrator(string name, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger)
    {
        if (trigger.ParameterType != typeof(TaskOrchestrationContext))
        {
            return (null, "the [OrchestrationTrigger] parameter must be a TaskOrchestrationContext");
        }

        var bindings = new List<(ParameterInfo, BindingSource)>();
        bool hasInput = false;
        foreach (ParameterInfo p in parameters)
        {
            if (p == trigger)
            {
                bindings.Add((p, BindingSource.OrchestrationContext));
            }
            else if (p.ParameterType == typeof(FunctionContext))
            {
                bindings.Add((p, BindingSource.FunctionContext));
            }
            else if (!hasInput && !HasBindingAttribute(p))
            {
                // Durable Functions binds one extra plain parameter to the orchestration input.
                hasInput = true;
                bindings.Add((p, BindingSource.OrchestrationInput));
            }
            else
            {
                return (null, $"orchestrator parameter '{p.Name}' cannot be bound");
            }
        }

        return (new FunctionDescriptor(name, FunctionKind.Orchestrator, method, bindings, null), null);
    }

    static (FunctionDescriptor?, string?) DescribeActivity(string name, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger)
    {
        var bindings = new List<(ParameterInfo, BindingSource)>();
        foreach (ParameterInfo p in parameters)
        {
            if (p == trigger)
            {
                bindings.Add((p, BindingSource.ActivityInput));
            }
            else if (HostBinding(p) is { } host)
            {
                bindings.Add((p, host));
            }
            else
            {
                return (null, $"activity parameter '{p.Name}' cannot be bound");
            }
        }

        return (new FunctionDescriptor(name, FunctionKind.Activity, method, bindings, null), null);
    }

    static (FunctionDescriptor?, string?) DescribeHttp(
        string name, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger, HttpTriggerAttribute http)
    {
        if (trigger.ParameterType != typeof(HttpRequest))
        {
            return (null, "only HttpRequest (ASP.NET Core integration) HTTP triggers are hosted; HttpRequestData is not");
        }

        var bindings = new List<(ParameterInfo, BindingSource)>();
        foreach (ParameterInfo p in parameters)
        {
            if (p == trigger)
            {
                bindings.Add((p, BindingSource.HttpRequest));
            }
            else if (HostBinding(p) is { } host)
            {
                bindings.Add((p, host));
            }
            else if (p.ParameterType == typeof(HttpContext))
            {
                bindings.Add((p, BindingSource.HttpContext));
            }
            else if (p.GetCustomAttributes().Any(a => a.GetType().Name == "FromBodyAttribute"))
            {
                bindings.Add((p, BindingSource.Body));
            }
            else if (!HasBindingAttribute(p) && IsRouteBindable(p.ParameterType))
            {
                bindings.Add((p, BindingSource.RouteValue));
            }
            else
            {
                return (null, $"HTTP function parameter '{p.Name}' cannot be bound");
            }
        }

        return (new FunctionDescriptor(name, FunctionKind.Http, method, bindings, http), null);
    }

    static (FunctionDescriptor?, string?) DescribeTimer(
        string name, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger, TimerTriggerAttribute timer)
    {
        if (trigger.ParameterType != typeof(TimerInfo))
        {
            return (null, "the [TimerTrigger] parameter must be a TimerInfo");
        }

        var bindings = new List<(ParameterInfo, BindingSource)>();
        foreach (ParameterInfo p in parameters)
        {
            if (p == trigger)
            {
                bindings.Add((p, BindingSource.TimerInfo));
            }
            else if (HostBinding(p) is { } host)
            {
                bindings.Add((p, host));
            }
            else
            {
                return (null, $"timer function parameter '{p.Name}' cannot be bound");
            }
        }

        return (new FunctionDescriptor(name, FunctionKind.Timer, method, bindings, null) { TimerTrigger = timer }, null);
    }

    /// <summary>What the host provides to any trigger kind but an orchestrator: the durable client, the function context, the cancellation token.</summary>
    static BindingSource? HostBinding(ParameterInfo p) =>
        p.GetCustomAttribute<DurableClientAttribute>() is not null && p.ParameterType == typeof(DurableTaskClient) ? BindingSource.DurableClient
        : p.ParameterType == typeof(FunctionContext) ? BindingSource.FunctionContext
        : p.ParameterType == typeof(CancellationToken) ? BindingSource.CancellationToken
        : null;

    static bool HasBindingAttribute(ParameterInfo p) => p.GetCustomAttribute<BindingAttribute>() is not null;

    static bool IsRouteBindable(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsPrimitive || t == typeof(Guid) || t == typeof(decimal) || t.IsEnum;
    }
}
