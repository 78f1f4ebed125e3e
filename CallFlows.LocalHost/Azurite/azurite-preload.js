// CallFlows' patch for Azurite's in-process store, loaded into each Azurite Node process with `node --require`
// (AzuriteServer sets NODE_OPTIONS; AzuriteOptions.PatchIndexMaintenance turns it off). Local development storage only:
// production runs on Azure Storage. docs/PERFORMANCE.md ("Azurite's index rebuilds") has the profile behind it.
//
// Azurite keeps queue messages and table entities in LokiJS collections with binary indices. LokiJS rebuilds every
// index of a collection from scratch (a full sort) whenever a document array is removed or updated, even an empty one,
// and Azurite's queue service does exactly that on every dequeue: it removes the array of expired messages (almost
// always empty) and updates the array of dequeued ones. Under the durable engine's polling that rebuild was a fifth of
// the queue process's CPU. This patch keeps LokiJS's results and changes only how its indices are maintained:
//   - removing or updating an empty array does nothing (there is nothing to remove or update);
//   - a small array is removed or updated one document at a time, which maintains the indices in place (LokiJS's own
//     adaptive path); after an update each updated document is checked to sit in order in every index, and an index
//     is rebuilt if one does not, since a caller may have changed an indexed field in place before calling update;
//   - a chained removal of up to 64 documents (findAndRemove) is done the same way; Azurite's extent garbage collection
//     removes one extent so per deleted message body, and each of those removals re-sorted the whole extent index,
//     which froze the queue service for over a minute every minute under load;
//   - a table point read (partition key and row key) looks the partition key up first: LokiJS uses the index of the
//     first property only, and Azurite names the row key first, which every Instances row (row key '') shares;
//   - the in-memory extent store's garbage collection removes all the unreferenced extents of a sweep in one removal
//     (one index rebuild) instead of one removal per extent: even with in-place index maintenance each of those cost a
//     splice of the whole extent index, and the sweep never yields, so a sweep of 15,000 extents paused the queue
//     service for about half a second every minute.
'use strict';

const Module = require('module');
const tag = 'CallFlows Azurite patch:';
const smallBatch = 64;
const originalLoad = Module._load;
let lokiDone = false;
let tableDone = false;
let extentDone = false;

function report(line) {
  process.stderr.write(`${tag} ${line}\n`);
}

function patchLoki(loki) {
  const proto = loki && loki.Collection && loki.Collection.prototype;
  if (!proto || typeof proto.update !== 'function' || typeof proto.remove !== 'function' || typeof proto.checkIndex !== 'function') {
    report('not applied: lokijs has no Collection.update/remove/checkIndex');
    return;
  }

  const update = proto.update;
  const remove = proto.remove;
  const lte = loki.LokiOps && loki.LokiOps.$lte;
  proto.update = function (doc) {
    if (!Array.isArray(doc) || doc.length > smallBatch || !this.adaptiveBinaryIndices || typeof lte !== 'function') {
      return update.apply(this, arguments);
    }

    for (const one of doc) {
      update.call(this, one);
    }

    for (const property of Object.keys(this.binaryIndices)) {
      if (!inOrder(this, property, doc)) {
        this.ensureIndex(property, true);
      }
    }
  };
  proto.remove = function (doc) {
    if (!Array.isArray(doc) || doc.length > smallBatch || !this.adaptiveBinaryIndices) {
      return remove.apply(this, arguments);
    }

    for (const one of doc) {
      remove.call(this, one);
    }
  };

  // A chained removal (findAndRemove, find(...).remove()) goes straight to LokiJS's batch removal, which rebuilds every
  // index by sorting even for no document. Azurite's extent garbage collection removes one extent this way per
  // deleted message body: thousands of full sorts in one go, which froze the queue service for over a minute.
  const resultsetProto = loki.Resultset && loki.Resultset.prototype;
  const removeResults = resultsetProto && resultsetProto.remove;
  if (typeof removeResults === 'function') {
    resultsetProto.remove = function () {
      const collection = this.collection;
      const rows = this.filteredrows;
      if (!this.filterInitialized || rows.length > smallBatch || !collection.adaptiveBinaryIndices) {
        return removeResults.apply(this, arguments);
      }

      const docs = rows.map((position) => collection.data[position]);
      for (const one of docs) {
        remove.call(collection, one);
      }

      this.filteredrows = [];
      return this;
    };
  }

  // Whether each updated document sits between its neighbours in the index. That proves the whole index in order: the
  // other documents kept their values and their relative order, so any unordered pair would involve an updated one.
  function inOrder(collection, property, docs) {
    if (property.indexOf('.') !== -1) {
      return collection.checkIndex(property);
    }

    const slots = collection.binaryIndices[property].values;
    const valueAt = (slot) => collection.data[slots[slot]][property];
    for (const one of docs) {
      const found = collection.get(one.$loki, true);
      const slot = found ? slots.indexOf(found[1]) : -1;
      if (slot < 0
        || (slot > 0 && !lte(valueAt(slot - 1), valueAt(slot)))
        || (slot < slots.length - 1 && !lte(valueAt(slot), valueAt(slot + 1)))) {
        return false;
      }
    }

    return true;
  }

  report('lokijs index maintenance in place for arrays of up to ' + smallBatch + ' documents' + (typeof removeResults === 'function' ? ', chained removals included' : ''));
}

function patchTableStore(exported) {
  const store = exported && (exported.default || exported);
  const proto = store && store.prototype;
  if (!proto || typeof proto.queryTableEntitiesWithPartitionAndRowKey !== 'function' || typeof proto.getEntityCollection !== 'function') {
    report('not applied: LokiTableMetadataStore has no queryTableEntitiesWithPartitionAndRowKey');
    return;
  }

  proto.queryTableEntitiesWithPartitionAndRowKey = async function (context, table, account, partitionKey, rowKey) {
    return this.getEntityCollection(account, table, context).findOne({ PartitionKey: partitionKey, RowKey: rowKey });
  };
  report('table point reads look up the partition key first');
}

function patchExtentStore(exported) {
  const store = exported && (exported.default || exported);
  const proto = store && store.prototype;
  if (!proto || typeof proto.deleteExtents !== 'function') {
    report('not applied: MemoryExtentStore has no deleteExtents');
    return;
  }

  const deleteExtents = proto.deleteExtents;
  proto.deleteExtents = async function (extents) {
    // Azurite's LokiExtentMetadataStore keeps its extents in one LokiJS collection keyed by `id`; anything else (a SQL
    // metadata store) is left to Azurite's own loop.
    const metadata = this.metadataStore;
    const collection = metadata && metadata.db && typeof metadata.db.getCollection === 'function' && metadata.EXTENTS_COLLECTION
      ? metadata.db.getCollection(metadata.EXTENTS_COLLECTION) : null;
    if (!collection || !this.chunks || typeof this.chunks.delete !== 'function') {
      return deleteExtents.apply(this, arguments);
    }

    const ids = new Set(extents);
    for (const id of ids) {
      if (this.chunks.get(this.categoryName, id)) {
        this.chunks.delete(this.categoryName, id);
      }
    }

    collection.chain().where((extent) => ids.has(extent.id)).remove();
    return ids.size;
  };
  report('extent garbage collection removes a sweep\'s extents at once');
}

Module._load = function (request) {
  const loaded = originalLoad.apply(this, arguments);
  try {
    if (!lokiDone && request === 'lokijs') {
      lokiDone = true;
      patchLoki(loaded);
    } else if (!tableDone && /[\\/]LokiTableMetadataStore$/.test(request)) {
      tableDone = true;
      patchTableStore(loaded);
    } else if (!extentDone && /[\\/]MemoryExtentStore$/.test(request)) {
      extentDone = true;
      patchExtentStore(loaded);
    }
  } catch (error) {
    report('not applied: ' + (error && error.message));
  }

  return loaded;
};
