using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using CallFlows.LocalHost.Functions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.DurableTask.Client;

namespace CallFlows.LocalHost.Http;

/// <summary>Maps the app's <c>[HttpTrigger]</c> functions onto ASP.NET Core routes at <c>/{routePrefix}/{Route}</c>.</summary>
internal static class HttpFunctionEndpoints
{
    static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app, IEnumerable<FunctionDescriptor> functions, string routePrefix, ILogger logger)
    {
        string prefix = routePrefix.Trim('/');
        foreach (FunctionDescriptor function in functions)
        {
            string route = (function.HttpTrigger!.Route ?? function.Name).Trim('/');
            string pattern = "/" + string.Join('/', new[] { prefix, route }.Where(s => s.Length > 0));
            string[] methods = function.HttpTrigger.Methods is { Length: > 0 } declared
                ? declared.Select(m => m.ToUpperInvariant()).ToArray()
                : [];

            RequestDelegate handler = context => InvokeAsync(context, function, logger);
            IEndpointConventionBuilder endpoint = methods.Length > 0
                ? app.MapMethods(pattern, methods, handler)
                : app.Map(pattern, handler);
            endpoint.WithDisplayName("Function " + function.Name);
            logger.HttpFunctionMapped(function.Name, methods.Length > 0 ? string.Join(',', methods) : "ANY", pattern);
        }
    }

    static async Task InvokeAsync(HttpContext context, FunctionDescriptor function, ILogger logger)
    {
        object?[] args = new object?[function.Parameters.Count];
        for (int i = 0; i < args.Length; i++)
        {
            (System.Reflection.ParameterInfo parameter, BindingSource source) = function.Parameters[i];
            switch (source)
            {
                case BindingSource.HttpRequest:
                    args[i] = context.Request;
                    break;
                case BindingSource.HttpContext:
                    args[i] = context;
                    break;
                case BindingSource.DurableClient:
                    args[i] = context.RequestServices.GetRequiredService<DurableTaskClient>();
                    break;
                case BindingSource.CancellationToken:
                    args[i] = context.RequestAborted;
                    break;
                case BindingSource.FunctionContext:
                    var functionContext = new LocalFunctionContext(function.Name, function.Method, context.RequestServices, context.RequestAborted);
                    functionContext.Items[LocalFunctionContext.HttpContextKey] = context;
                    args[i] = functionContext;
                    break;
                case BindingSource.RouteValue:
                    if (!TryBindRouteValue(context, parameter, out object? value))
                    {
                        await WriteBadRequestAsync(context, $"'{parameter.Name}' is not a valid {parameter.ParameterType.Name}");
                        return;
                    }

                    args[i] = value;
                    break;
                case BindingSource.Body:
                    try
                    {
                        args[i] = await JsonSerializer.DeserializeAsync(context.Request.Body, parameter.ParameterType, BodyJson, context.RequestAborted);
                    }
                    catch (JsonException ex)
                    {
                        await WriteBadRequestAsync(context, "the request body is not valid JSON: " + ex.Message);
                        return;
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unexpected binding {source} for an HTTP function.");
            }
        }

        object? result;
        try
        {
            object? target = function.Method.IsStatic
                ? null
                : ActivatorUtilities.CreateInstance(context.RequestServices, function.Method.DeclaringType!);
            result = await MethodInvoker.InvokeAsync(function.Method, target, args);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // As the Functions host: the invocation fails with 500, the host keeps serving.
            logger.HttpFunctionFailed(ex, function.Name);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            return;
        }

        switch (result)
        {
            case null:
                break;
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            default:
                await new ObjectResult(result).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
        }
    }

    static bool TryBindRouteValue(HttpContext context, System.Reflection.ParameterInfo parameter, out object? value)
    {
        string? text = context.Request.RouteValues.TryGetValue(parameter.Name!, out object? routeValue)
            ? Convert.ToString(routeValue, CultureInfo.InvariantCulture)
            : context.Request.Query[parameter.Name!].FirstOrDefault();

        Type type = parameter.ParameterType;
        if (text is null)
        {
            value = parameter.HasDefaultValue ? parameter.DefaultValue : (type.IsValueType ? Activator.CreateInstance(type) : null);
            return true;
        }

        if (type == typeof(string))
        {
            value = text;
            return true;
        }

        try
        {
            value = TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException)
        {
            value = null;
            return false;
        }
    }

    static async Task WriteBadRequestAsync(HttpContext context, string reason)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CallFlows.LocalHost.Http").ManagementRequestRejected(StatusCodes.Status400BadRequest, reason);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(new { error = reason }, context.RequestAborted);
    }
}
