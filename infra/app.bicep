// The resources of one CallFlows environment (resource group scope). main.bicep passes the parameters.

@description('azd environment name.')
param environmentName string

@description('Region of the regional resources (ACS and its system topic are global).')
param location string

@description('Tags of every resource.')
param tags object

@description('Data location of the Communication Services resource.')
param acsDataLocation string

@description('Inbound routing rules (CallFlows:Routing:Rules), see main.bicep.')
param routingRules array

@description('Reject reason for calls no rule matches.')
param unroutedRejectReason string

@description('Microsoft Entra app (client id or App ID URI) that Event Grid gets its token for; empty: off.')
param eventGridEntraAudience string

@description('Tenant of that Microsoft Entra app.')
param eventGridEntraTenantId string

@description('Key that binds each callback URL to its call (CallFlows:CallbackSigning:Keys:0): at least 32 characters.')
@secure()
@minLength(32)
param callbackSigningKey string

@description('The previous callback signing key, accepted during a rotation (CallFlows:CallbackSigning:Keys:1); empty: none.')
@secure()
param callbackSigningPreviousKey string

@description('Always-ready instances for the http and durable function groups.')
param alwaysReadyInstances int

@description('Upper bound of the scale-out.')
param maximumInstanceCount int

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var appName = 'func-callflows-${token}'
var deploymentContainerName = 'app-package-${token}'

// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
}

// Inbound routing as app settings: CallFlows__Routing__Rules__{i}__{Key} and ...__Settings__{Key}.
var routingSettings = toObject(
  flatten(map(range(0, length(routingRules)), i => concat(
    map(filter(items(routingRules[i]), kv => kv.key != 'Settings'), kv => {
      name: 'CallFlows__Routing__Rules__${i}__${kv.key}'
      value: string(kv.value)
    }),
    map(items(routingRules[i].?Settings ?? {}), kv => {
      name: 'CallFlows__Routing__Rules__${i}__Settings__${kv.key}'
      value: string(kv.value)
    })
  ))),
  setting => setting.name,
  setting => setting.value
)

// The numbers an Event Grid filter may list: only when every rule names one E.164 number (no wildcard or prefix).
var calledValues = map(routingRules, rule => string(rule.Called))
var routedNumbers = empty(filter(calledValues, called => !startsWith(called, '+') || contains(called, '*')))
  ? calledValues
  : []

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-callflows-${token}'
  location: location
  tags: tags
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: 'log-callflows-${token}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-callflows-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Telemetry is accepted only with Microsoft Entra auth (the app's identity, Monitoring Metrics Publisher).
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: 'stcf${token}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // The host, Durable Functions (Azure Storage provider) and the deployment package all use the managed identity.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
}

// Blob (host keys, leases, deployment package, Durable large messages), queues and tables (Durable task hub).
resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [
    roles.storageBlobDataOwner
    roles.storageQueueDataContributor
    roles.storageTableDataContributor
  ]: {
    name: guid(storage.id, identity.id, role)
    scope: storage
    properties: {
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

resource appInsightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource acs 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: 'acs-callflows-${token}'
  location: 'global'
  tags: tags
  properties: {
    dataLocation: acsDataLocation
  }
}

// Call Automation with Microsoft Entra ID: the app's identity needs a role on the ACS resource (scoped to it alone).
resource acsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(acs.id, identity.id, roles.contributor)
  scope: acs
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.contributor)
  }
}

// IncomingCall and the other ACS events come out of the resource's system topic.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: 'evgt-callflows-${token}'
  location: 'global'
  tags: tags
  properties: {
    source: acs.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}

// Flex Consumption: Linux, per-function-group scale-out to many instances, always-ready instances for the HTTP
// webhook/callbacks and for Durable Functions (a ringing caller must not wait on a cold start), identity-based
// deployment storage. Durable Functions on the Azure Storage provider is supported on this plan.
resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'plan-callflows-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, {
    'azd-service-name': 'functions'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
        alwaysReady: alwaysReadyInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyInstances
              }
              {
                name: 'durable'
                instanceCount: alwaysReadyInstances
              }
            ]
          : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  dependsOn: [
    storageRoles
    appInsightsRole
    deploymentContainer
  ]
}

// Every setting CallFlows reads in Azure (local.settings.sample.json and docs/HOSTING.md list them all).
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(
    {
      // Host and Durable Functions storage through the managed identity (no keys).
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      // DefaultAzureCredential picks the user-assigned identity for Call Automation requests.
      AZURE_CLIENT_ID: identity.properties.clientId
      CallFlows__CallbackBaseUrl: 'https://${functionApp.properties.defaultHostName}'
      CallFlows__Acs__Endpoint: 'https://${acs.properties.hostName}/'
      // The immutable resource id is the audience of the JWT on every Call Automation callback.
      CallFlows__Acs__ResourceId: acs.properties.immutableResourceId
      CallFlows__CallbackAuth__ValidateTokens: 'true'
      // HMAC key(s) binding each callback URL to its instance (docs/HOSTING.md, rotation: new key first, old second).
      CallFlows__CallbackSigning__Keys__0: callbackSigningKey
      // The stranded-call sweep's [TimerTrigger] schedule (%CallFlows:StrandedCallSweep:Schedule%): every minute.
      CallFlows__StrandedCallSweep__Schedule: '0 */1 * * * *'
      CallFlows__Routing__UnroutedRejectReason: unroutedRejectReason
      CallFlows__EventGridAuth__Enabled: string(!empty(eventGridEntraAudience))
      CallFlows__EventGridAuth__TenantId: eventGridEntraTenantId
      CallFlows__EventGridAuth__Audience: eventGridEntraAudience
    },
    empty(callbackSigningPreviousKey) ? {} : { CallFlows__CallbackSigning__Keys__1: callbackSigningPreviousKey },
    routingSettings
  )
}

output functionAppName string = functionApp.name
output baseUrl string = 'https://${functionApp.properties.defaultHostName}'
output acsEndpoint string = 'https://${acs.properties.hostName}/'
output acsImmutableResourceId string = acs.properties.immutableResourceId
output systemTopicName string = systemTopic.name
output applicationInsightsName string = appInsights.name
output routedNumbers array = routedNumbers
