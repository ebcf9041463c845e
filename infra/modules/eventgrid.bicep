// Event Grid: the system topic on the storage account (its subscription to the blobs extension
// webhook is created after deploy by infra/hooks/postdeploy.*, because the webhook URL carries the
// deployed app's blobs_extension system key), and an optional custom topic for completion events.

@description('Name of the Event Grid system topic on the storage account.')
param systemTopicName string

@description('Resource id of the storage account whose blob events the system topic publishes.')
param storageAccountId string

@description('Create the custom topic for completion CloudEvents.')
param enableCompletionTopic bool = false

@description('Name of the custom topic for completion events (used when enableCompletionTopic is true).')
param completionTopicName string

@description('Principal id of the app\'s user-assigned identity (gets EventGrid Data Sender on the custom topic).')
param appPrincipalId string

@description('Azure region of the topics (the system topic must be in the storage account\'s region).')
param location string

@description('Tags applied to the topics.')
param tags object = {}

// Built-in role definition id: EventGrid Data Sender.
var eventGridDataSenderRoleId = 'd5a91429-5739-47e2-a06b-3470a27159e7'

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource completionTopic 'Microsoft.EventGrid/topics@2025-02-15' = if (enableCompletionTopic) {
  name: completionTopicName
  location: location
  tags: tags
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
    minimumTlsVersionAllowed: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource appSendsEvents 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (enableCompletionTopic) {
  name: guid(resourceGroup().id, completionTopicName, appPrincipalId, eventGridDataSenderRoleId)
  scope: completionTopic
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', eventGridDataSenderRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output systemTopicName string = systemTopic.name
// Empty when the completion topic is disabled; the app then uses its no-op/log event sink.
output completionTopicEndpoint string = completionTopic.?properties.endpoint ?? ''
