using Azure.Core;

namespace CallFlows.Benchmarks.Storage;

/// <summary>Maps a storage REST request (method, path and query of the Queue, Table and Blob service APIs) to a <see cref="StorageRequestKind"/>.</summary>
internal static class StorageRequestClassifier
{
    /// <summary>Classifies one request sent by the client of <paramref name="service"/> (<c>blob</c>, <c>queue</c> or <c>table</c>).</summary>
    public static StorageRequestKind Classify(string service, HttpMessage message)
    {
        Request request = message.Request;
        string method = request.Method.Method;
        Uri uri = request.Uri.ToUri();
        string path = uri.AbsolutePath;
        string query = uri.Query;
        return service switch
        {
            "queue" => Queue(method, path, query, message),
            "table" => Table(method, path, request),
            _ => Blob(method, query),
        };
    }

    static StorageRequestKind Queue(string method, string path, string query, HttpMessage message)
    {
        bool messages = path.Contains("/messages", StringComparison.Ordinal);
        bool oneMessage = messages && !path.EndsWith("/messages", StringComparison.Ordinal) && !path.EndsWith("/messages/", StringComparison.Ordinal);
        if (!messages || query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase))
        {
            return StorageRequestKind.QueueOther;
        }

        return method switch
        {
            "GET" => HasMessages(message) ? StorageRequestKind.QueueGet : StorageRequestKind.QueueGetEmpty,
            "POST" => StorageRequestKind.QueuePut,
            "PUT" when oneMessage => StorageRequestKind.QueueUpdate,
            "DELETE" when oneMessage => StorageRequestKind.QueueDelete,
            _ => StorageRequestKind.QueueOther,
        };
    }

    static bool HasMessages(HttpMessage message)
    {
        if (!message.HasResponse || message.Response.Status >= 300)
        {
            return false;
        }

        // Receive responses are buffered by the client, so the body can be read here without consuming it; should one
        // ever be streamed, count it as a read with messages rather than touch the engine's stream.
        try
        {
            return message.Response.Content.ToString().Contains("<QueueMessage>", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    static StorageRequestKind Table(string method, string path, Request request)
    {
        // The task hub's partition table (<hub>Partitions): its rows are the partition leases.
        string table = path.TrimEnd('/');
        table = table[(table.LastIndexOf('/') + 1)..];
        int paren = table.IndexOf('(', StringComparison.Ordinal);
        if ((paren >= 0 ? table[..paren] : table).EndsWith("Partitions", StringComparison.Ordinal))
        {
            return StorageRequestKind.TablePartitions;
        }

        if (path.EndsWith("$batch", StringComparison.Ordinal))
        {
            return StorageRequestKind.TableBatch;
        }

        bool tables = path.EndsWith("/Tables", StringComparison.Ordinal) || path.Contains("/Tables(", StringComparison.Ordinal);
        bool entity = path.EndsWith(')') && !tables;
        string effective = request.Headers.TryGetValue("X-HTTP-Method", out string? tunneled) && tunneled is { Length: > 0 } ? tunneled : method;
        return effective switch
        {
            "GET" when !tables => StorageRequestKind.TableQuery,
            "POST" when !tables && !entity => StorageRequestKind.TableInsert,
            "MERGE" or "PATCH" => StorageRequestKind.TableMerge,
            "PUT" when entity => StorageRequestKind.TableUpdate,
            _ => StorageRequestKind.TableOther,
        };
    }

    static StorageRequestKind Blob(string method, string query)
    {
        if (query.Contains("comp=lease", StringComparison.Ordinal))
        {
            return StorageRequestKind.BlobLease;
        }

        return method is "GET" or "HEAD" ? StorageRequestKind.BlobRead : StorageRequestKind.BlobWrite;
    }
}
