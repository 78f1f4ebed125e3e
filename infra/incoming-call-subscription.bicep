// The Event Grid subscription that delivers ACS IncomingCall events to the CallFlows webhook. Event Grid validates
// the endpoint when the subscription is created (the webhook answers the handshake), so this runs after the app is
// deployed: azure.yaml's postdeploy hook provisions again with subscribeIncomingCalls=true.

@description('The ACS resource\'s Event Grid system topic.')
param systemTopicName string

@description('The CallFlows Functions app.')
param functionAppName string

@description('E.164 numbers to deliver calls for; empty: every IncomingCall of the resource.')
@maxLength(25)
param calledNumbers array

@description('Microsoft Entra app (client id or App ID URI) Event Grid gets a token for; empty: function key only.')
param entraAudience string

@description('Tenant of that Microsoft Entra app.')
param entraTenantId string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

var webhookUrl = 'https://${functionApp.properties.defaultHostName}/api/incoming-call?code=${listKeys('${functionApp.id}/host/default', '2025-03-01').functionKeys.default}'

resource incomingCalls 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'callflows-incoming-call'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: union(
        {
          endpointUrl: webhookUrl
          // One call per delivery: each is admitted, routed and acknowledged on its own.
          maxEventsPerBatch: 1
          preferredBatchSizeInKilobytes: 64
        },
        empty(entraAudience)
          ? {}
          : {
              azureActiveDirectoryTenantId: entraTenantId
              azureActiveDirectoryApplicationIdOrUri: entraAudience
            }
      )
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Communication.IncomingCall'
      ]
      advancedFilters: empty(calledNumbers)
        ? []
        : [
            {
              operatorType: 'StringIn'
              key: 'data.to.PhoneNumber.Value'
              values: calledNumbers
            }
          ]
    }
    // An incoming call rings for about 30 s: a delivery retried later than that reaches a call that is gone, so
    // few attempts and a one-minute time to live.
    retryPolicy: {
      maxDeliveryAttempts: 2
      eventTimeToLiveInMinutes: 1
    }
  }
}
