// Flex Consumption plan (FC1) and the Linux function app: .NET 10 isolated worker, deployment
// package in a blob container read with the user-assigned identity, identity-based host storage.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app (also its host name: <name>.azurewebsites.net).')
param appName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('azd service name; must match the service in azure.yaml so azd deploy finds the app.')
param serviceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Primary blob endpoint of the storage account (ends with /).')
param storageBlobEndpoint string

@description('Primary queue endpoint of the storage account.')
param storageQueueEndpoint string

@description('Primary table endpoint of the storage account.')
param storageTableEndpoint string

@description('Container that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('App-specific settings merged over the host settings (names from the app\'s options).')
param appSettings object = {}

@description('Maximum number of instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance in MB.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
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

// Functions host storage through the identity (no AzureWebJobsStorage connection string). Blob for
// the host and the blob trigger, queue and table for Durable Functions' Azure Storage backend.
// Flex Consumption takes the runtime from functionAppConfig: no FUNCTIONS_WORKER_RUNTIME or
// FUNCTIONS_EXTENSION_VERSION settings.
var hostSettings = {
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // DefaultAzureCredential picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identityClientId
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, hostSettings)
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output uri string = 'https://${app.properties.defaultHostName}'
