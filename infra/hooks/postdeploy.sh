#!/bin/sh
# azd postdeploy hook: subscribe the blobs extension webhook of the deployed function app to the
# storage account's Event Grid system topic. Only BlobCreated events of the input container whose
# data.api is a completed write reach the app (see docs/azure.md, "Event Grid subscription").
# azd runs hooks with the environment's values (the outputs of infra/main.bicep) in the environment.
set -eu

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: 'az' is required (Azure CLI); install it and run 'azd deploy' again" >&2
  exit 1
fi

app="${AZURE_FUNCTION_APP_NAME:?run azd provision first}"
group="${AZURE_RESOURCE_GROUP:?run azd provision first}"
topic="${EVENTGRID_SYSTEM_TOPIC_NAME:?run azd provision first}"
container="${NEMO_INPUT_CONTAINER:?run azd provision first}"
function_name="${NEMO_BLOB_TRIGGER_FUNCTION:-OnInputBlobCreated}"
subscription_name="nemo-input-blob-created"

# The blobs_extension system key exists once the host has loaded a blob trigger whose source is
# Event Grid; right after a deployment that can take a little while.
key=""
attempt=0
while [ -z "$key" ] && [ "$attempt" -lt 30 ]; do
  attempt=$((attempt + 1))
  key=$(az functionapp keys list --name "$app" --resource-group "$group" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  if [ -z "$key" ]; then
    echo "postdeploy: waiting for the blobs_extension key of $app ($attempt/30)"
    sleep 10
  fi
done
if [ -z "$key" ]; then
  echo "postdeploy: $app has no blobs_extension system key; is $function_name deployed with Source = BlobTriggerSource.EventGrid?" >&2
  exit 1
fi

endpoint="https://${app}.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${key}"

# create is create-or-update: running the hook again refreshes the endpoint (and key).
az eventgrid system-topic event-subscription create \
  --name "$subscription_name" \
  --resource-group "$group" \
  --system-topic-name "$topic" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/${container}/" \
  --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob FlushWithClose \
  --output none

echo "postdeploy: Event Grid subscription '$subscription_name' delivers BlobCreated events of '$container' to $function_name"
