using System.Reflection;

namespace CallFlows.Runtime;

/// <summary>An assembly whose <see cref="CallFlowAttribute"/> flows are registered (one service per assembly).</summary>
/// <param name="Assembly">The assembly.</param>
internal sealed record CallFlowAssembly(Assembly Assembly);
