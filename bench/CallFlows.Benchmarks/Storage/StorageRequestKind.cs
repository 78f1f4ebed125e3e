namespace CallFlows.Benchmarks.Storage;

/// <summary>What one storage request did, as the benchmark counts it.</summary>
internal enum StorageRequestKind
{
    /// <summary>Queue: get messages that returned at least one message.</summary>
    QueueGet,

    /// <summary>Queue: get messages that returned none (idle polling).</summary>
    QueueGetEmpty,

    /// <summary>Queue: put a message.</summary>
    QueuePut,

    /// <summary>Queue: update a message (visibility timeout, abandon).</summary>
    QueueUpdate,

    /// <summary>Queue: delete a message.</summary>
    QueueDelete,

    /// <summary>Queue: anything else (create, metadata, peek, list).</summary>
    QueueOther,

    /// <summary>Table: query entities (or get one).</summary>
    TableQuery,

    /// <summary>Table: insert an entity.</summary>
    TableInsert,

    /// <summary>Table: merge into an entity.</summary>
    TableMerge,

    /// <summary>Table: update or replace an entity.</summary>
    TableUpdate,

    /// <summary>Table: entity group transaction.</summary>
    TableBatch,

    /// <summary>Table: delete or anything else (create table, list tables).</summary>
    TableOther,

    /// <summary>Table: any request to the task hub's partition table (lease renewal and balancing: housekeeping, not call work).</summary>
    TablePartitions,

    /// <summary>Blob: read (download, properties, list).</summary>
    BlobRead,

    /// <summary>Blob: write (upload, delete, create container).</summary>
    BlobWrite,

    /// <summary>Blob: lease acquire, renew or release.</summary>
    BlobLease,
}
