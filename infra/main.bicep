// Nemo.Functions on Azure: a Flex Consumption function app (.NET 10 isolated, Durable Functions on
// Azure Storage) that turns images dropped into a container into MP4 videos through Nemo.
// Deployed with `azd up`; azure.yaml's postdeploy hook then subscribes the blobs extension webhook
// to the storage account's Event Grid system topic. See docs/azure.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment. Names the resource group (rg-<name>) and seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource; it must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Name of the resource group to create. Empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person or pipeline running azd (azd fills AZURE_PRINCIPAL_ID). Gets blob data access to upload images and Key Vault Secrets Officer to rotate the token. Empty: no developer access.')
param principalId string = ''

@description('Type of principalId: User for a person, ServicePrincipal for a pipeline.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@secure()
@description('Nemo API token, stored as a Key Vault secret and read by the app through a Key Vault reference. Empty: the app obtains an anonymous token and keeps it in the private state container.')
param nemoToken string = ''

@description('Base address of the Nemo API. Empty: the client\'s default (the production API).')
param nemoApiUrl string = ''

@description('Create an Event Grid custom topic (CloudEvents 1.0, Entra auth only) that receives a completion event for every finished or failed conversion.')
param enableCompletionTopic bool = false

@description('Container images and job folders are dropped into; the only container whose BlobCreated events trigger the app.')
param inputContainerName string = 'images-in'

@description('Container the MP4 videos and result/summary JSON are written to (never triggers the app).')
param outputContainerName string = 'videos-out'

@description('Private container for app state: the persisted anonymous Nemo token and the spend ledger.')
param stateContainerName string = 'nemo-state'

@description('Container that holds the function app\'s deployment package (Flex Consumption).')
param deploymentContainerName string = 'deployment'

@description('Name of the blob trigger function; the Event Grid webhook targets Host.Functions.<name>.')
param blobTriggerFunctionName string = 'OnInputBlobCreated'

@description('Maximum number of Flex Consumption instances (caps scale-out and so concurrent Nemo calls and cost).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per Flex Consumption instance in MB.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var serviceName = 'functions'
var appName = 'func-nemo-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-nemo-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-nemo-${resourceToken}'
    applicationInsightsName: 'appi-nemo-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stnemo${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      inputContainerName
      outputContainerName
      stateContainerName
      deploymentContainerName
    ]
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-nemo-${take(resourceToken, 13)}'
    location: location
    tags: tags
    nemoToken: nemoToken
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    systemTopicName: 'evgst-nemo-${resourceToken}'
    storageAccountId: storage.outputs.id
    enableCompletionTopic: enableCompletionTopic
    completionTopicName: 'evgt-nemo-${resourceToken}'
    appPrincipalId: identity.outputs.principalId
    location: location
    tags: tags
  }
}

// Settings the app's options read (names agreed in the settings table of docs/azure.md).
// Empty values are left out so the options' documented defaults apply.
var nemoAppSettings = union(
  {
    // Data-plane access of the blob media store, spend ledger and token store (identity-based).
    NemoStorage__BlobServiceUri: storage.outputs.blobEndpoint
    NemoStorage__InputContainer: inputContainerName
    NemoStorage__OutputContainer: outputContainerName
    NemoStorage__StateContainer: stateContainerName
  },
  empty(nemoApiUrl) ? {} : { Nemo__BaseAddress: nemoApiUrl },
  empty(nemoToken) ? {} : { Nemo__Token: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.nemoTokenSecretUri})' },
  enableCompletionTopic ? { Events__TopicEndpoint: eventGrid.outputs.completionTopicEndpoint } : {}
)

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: 'plan-nemo-${resourceToken}'
    appName: appName
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    appSettings: nemoAppSettings
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The app starts as soon as it exists: its identity must already hold its roles.
  dependsOn: [
    rbac
  ]
}

// azd stores these in the environment (.azure/<env>/.env); the postdeploy hooks read them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URI string = functionApp.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output NEMO_INPUT_CONTAINER string = inputContainerName
output NEMO_OUTPUT_CONTAINER string = outputContainerName
output NEMO_BLOB_TRIGGER_FUNCTION string = blobTriggerFunctionName
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.systemTopicName
output EVENTGRID_COMPLETION_TOPIC_ENDPOINT string = eventGrid.outputs.completionTopicEndpoint
