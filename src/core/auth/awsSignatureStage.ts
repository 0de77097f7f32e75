import type { PrepareStage } from '../runner/pipelineTypes';
import { need } from '../runner/prepareStages';
import { awsCredentials } from './awsCredentials';
import { signAwsRequest } from './awsSignature';

/**
 * `Authorization: AWS ACCESS_KEY SECRET_KEY [token:…] [region:…] [service:…]` (the request's own or a
 * session default): the request signed with AWS Signature V4 once its headers and body are final, so the
 * response view, the history and Copy as cURL show the signed headers that were sent.
 */
export const awsSignatureStage: PrepareStage = {
  name: 'aws-signature',
  async run(draft) {
    const request = need(draft, 'request');
    const credentials = awsCredentials(request.headers);
    if (credentials) draft.request = await signAwsRequest(request, credentials);
  },
};
