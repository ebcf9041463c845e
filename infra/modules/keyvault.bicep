// Key Vault with Azure RBAC authorization holding the Nemo token. The function app reads it through
// an app-setting Key Vault reference resolved with the user-assigned identity; only that identity
// gets Key Vault Secrets User, and only on this one secret.

@description('Name of the key vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object = {}

@description('Name of the secret that holds the Nemo token.')
param nemoTokenSecretName string = 'nemo-token'

@secure()
@description('The Nemo token. Empty: no secret is created and the app uses an anonymous token.')
param nemoToken string = ''

@description('Principal id of the app\'s user-assigned identity (gets Key Vault Secrets User on the secret).')
param appPrincipalId string

@description('Object id of the deploying user or principal (gets Key Vault Secrets Officer to rotate the token). Empty to skip.')
param deployerPrincipalId string = ''

@description('Principal type of deployerPrincipalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

// Built-in role definition ids.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource nemoTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(nemoToken)) {
  parent: vault
  name: nemoTokenSecretName
  properties: {
    value: nemoToken
    contentType: 'text/plain'
  }
}

resource appReadsSecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(nemoToken)) {
  name: guid(vault.id, nemoTokenSecretName, appPrincipalId, keyVaultSecretsUserRoleId)
  scope: nemoTokenSecret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerManagesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, keyVaultSecretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRoleId)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
// Where the token lives, never the token: the secret's versionless URI (secretUri, not
// secretUriWithVersion), so a rotated token is picked up without redeploying. main.bicep turns it into
// the app's Key Vault reference. Empty when no token was given and so no secret was created.
output nemoTokenSecretUri string = nemoTokenSecret.?properties.secretUri ?? ''
