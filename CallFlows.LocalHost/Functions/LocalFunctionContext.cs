using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace CallFlows.LocalHost.Functions;

/// <summary>
/// A minimal <see cref="FunctionContext"/> for functions that ask for one: <see cref="InstanceServices"/> is the
/// invocation's DI scope (so <c>GetLogger</c> works), <see cref="Items"/> carries the ASP.NET Core
/// <c>HttpContext</c> under the key the Functions ASP.NET Core integration uses.
/// </summary>
internal sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>The <see cref="Items"/> key of the current HttpContext in the Functions ASP.NET Core integration.</summary>
    public const string HttpContextKey = "HttpRequestContext";

    readonly CancellationToken cancellationToken;

    public LocalFunctionContext(string functionName, MethodInfo method, IServiceProvider services, CancellationToken cancellationToken)
    {
        this.FunctionDefinition = new Definition(functionName, method);
        this.InstanceServices = services;
        this.cancellationToken = cancellationToken;
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => this.FunctionDefinition.Id;

    public override TraceContext TraceContext { get; } = new Trace(Activity.Current);

    public override BindingContext BindingContext { get; } = new Bindings();

    public override RetryContext RetryContext { get; } = new Retry();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new InvocationFeatures();

    public override CancellationToken CancellationToken => this.cancellationToken;

    sealed class Definition(string name, MethodInfo method) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            [.. method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];

        public override string PathToAssembly => method.DeclaringType!.Assembly.Location;

        public override string EntryPoint => method.DeclaringType!.FullName + "." + method.Name;

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
            ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } =
            ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    sealed class Trace(Activity? activity) : TraceContext
    {
        public override string TraceParent { get; } = activity?.Id ?? string.Empty;

        public override string TraceState { get; } = activity?.TraceStateString ?? string.Empty;
    }

    sealed class Bindings : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>();
    }

    sealed class Retry : RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    sealed class InvocationFeatures : IInvocationFeatures
    {
        readonly Dictionary<Type, object> features = [];

        public T Get<T>() => this.features.TryGetValue(typeof(T), out object? value) ? (T)value : default!;

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                this.features.Remove(typeof(T));
            }
            else
            {
                this.features[typeof(T)] = instance;
            }
        }

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => this.features.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => this.GetEnumerator();
    }
}
