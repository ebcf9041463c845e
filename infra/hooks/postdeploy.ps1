# azd postdeploy hook (Windows): subscribe the blobs extension webhook of the deployed function app to
# the storage account's Event Grid system topic. Same as postdeploy.sh; see docs/azure.md.
$ErrorActionPreference = 'Stop'

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    Write-Error "postdeploy: 'az' is required (Azure CLI); install it and run 'azd deploy' again"
    exit 1
}

function Require([string] $name) {
    $value = [Environment]::GetEnvironmentVariable($name)
    if ([string]::IsNullOrEmpty($value)) {
        Write-Error "postdeploy: $name is not set; run azd provision first"
        exit 1
    }
    return $value
}

$app = Require 'AZURE_FUNCTION_APP_NAME'
$group = Require 'AZURE_RESOURCE_GROUP'
$topic = Require 'EVENTGRID_SYSTEM_TOPIC_NAME'
$container = Require 'NEMO_INPUT_CONTAINER'
$functionName = if ($env:NEMO_BLOB_TRIGGER_FUNCTION) { $env:NEMO_BLOB_TRIGGER_FUNCTION } else { 'OnInputBlobCreated' }
$subscriptionName = 'nemo-input-blob-created'

# The blobs_extension system key exists once the host has loaded a blob trigger whose source is
# Event Grid; right after a deployment that can take a little while.
$key = ''
for ($attempt = 1; $attempt -le 30 -and [string]::IsNullOrEmpty($key); $attempt++) {
    $key = az functionapp keys list --name $app --resource-group $group --query 'systemKeys.blobs_extension' --output tsv 2>$null
    if ([string]::IsNullOrEmpty($key)) {
        Write-Host "postdeploy: waiting for the blobs_extension key of $app ($attempt/30)"
        Start-Sleep -Seconds 10
    }
}
if ([string]::IsNullOrEmpty($key)) {
    Write-Error "postdeploy: $app has no blobs_extension system key; is $functionName deployed with Source = BlobTriggerSource.EventGrid?"
    exit 1
}

$endpoint = "https://$app.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.$functionName&code=$key"
# az is a .cmd on Windows: without the extra quotes cmd.exe splits the URL at '&'.
$endpointArgument = '"' + $endpoint + '"'

az eventgrid system-topic event-subscription create `
    --name $subscriptionName `
    --resource-group $group `
    --system-topic-name $topic `
    --endpoint-type webhook `
    --endpoint $endpointArgument `
    --included-event-types Microsoft.Storage.BlobCreated `
    --subject-begins-with "/blobServices/default/containers/$container/" `
    --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob FlushWithClose `
    --output none
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

Write-Host "postdeploy: Event Grid subscription '$subscriptionName' delivers BlobCreated events of '$container' to $functionName"
