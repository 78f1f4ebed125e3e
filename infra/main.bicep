// CallFlows on Azure: `azd up` provisions this file (subscription scope: it creates the resource group) and deploys
// CallFlows.Functions into it. See README "Deploying to Azure" and docs/HOSTING.md for every setting.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
param location string

@description('Data location of the Communication Services resource (e.g. United States, Europe).')
param acsDataLocation string = 'United States'

@description('''Inbound routing rules, in order (CallFlows:Routing:Rules). Each rule is an object with the keys of a
rule in docs/HOSTING.md (Called, Action, Flow, RejectReason, RedirectTarget) and an optional Settings object.''')
param routingRules array = []

@description('Reject reason for calls no rule matches (CallFlows:Routing:UnroutedRejectReason).')
@allowed([
  'None'
  'Busy'
  'Forbidden'
])
param unroutedRejectReason string = 'Forbidden'

@description('''Called numbers (E.164) the IncomingCall subscription delivers. Empty: the E.164 "Called" values of
routingRules, or no filter at all when a rule is a wildcard or a prefix.''')
param incomingCallNumbers array = []

@description('''Create the Event Grid IncomingCall subscription. Event Grid validates a webhook when the subscription
is created, so the app must be deployed first: azure.yaml's postdeploy hook sets this and provisions again.''')
param subscribeIncomingCalls bool = false

@description('''Application (client) id or Application ID URI of the Microsoft Entra app that protects the webhook.
Empty: Event Grid delivers with the function key only. See README "Event Grid with Microsoft Entra authentication".''')
param eventGridEntraAudience string = ''

@description('Tenant of the Microsoft Entra app that protects the webhook.')
param eventGridEntraTenantId string = tenant().tenantId

@description('''Secret (at least 32 characters) that binds each callback URL to its call. azd prompts for it once and keeps it
in the environment; to rotate, pass the new one here and the old one as callbackSigningPreviousKey (docs/HOSTING.md).''')
@secure()
@minLength(32)
param callbackSigningKey string

@description('The previous callback signing key, still accepted while calls signed with it may be in flight; empty: none.')
@secure()
param callbackSigningPreviousKey string = ''

@description('Always-ready instances of the Flex Consumption plan for HTTP triggers and for Durable Functions.')
@minValue(0)
param alwaysReadyInstances int = 1

@description('Upper bound of the Flex Consumption plan\'s scale-out.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

var tags = {
  'azd-env-name': environmentName
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module app 'app.bicep' = {
  name: 'callflows-app'
  scope: resourceGroup
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    acsDataLocation: acsDataLocation
    routingRules: routingRules
    unroutedRejectReason: unroutedRejectReason
    eventGridEntraAudience: eventGridEntraAudience
    eventGridEntraTenantId: eventGridEntraTenantId
    alwaysReadyInstances: alwaysReadyInstances
    maximumInstanceCount: maximumInstanceCount
    callbackSigningKey: callbackSigningKey
    callbackSigningPreviousKey: callbackSigningPreviousKey
  }
}

module incomingCalls 'incoming-call-subscription.bicep' = if (subscribeIncomingCalls) {
  name: 'callflows-incoming-calls'
  scope: resourceGroup
  params: {
    systemTopicName: app.outputs.systemTopicName
    functionAppName: app.outputs.functionAppName
    calledNumbers: !empty(incomingCallNumbers) ? incomingCallNumbers : app.outputs.routedNumbers
    entraAudience: eventGridEntraAudience
    entraTenantId: eventGridEntraTenantId
  }
}

output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.functionAppName
output CALLFLOWS_BASE_URL string = app.outputs.baseUrl
output ACS_ENDPOINT string = app.outputs.acsEndpoint
output ACS_IMMUTABLE_RESOURCE_ID string = app.outputs.acsImmutableResourceId
output APPLICATIONINSIGHTS_NAME string = app.outputs.applicationInsightsName
