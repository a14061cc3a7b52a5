// Generated from openapi.json by `npm run generate:client`. Do not edit.

export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is up
         * @description Answers 200 while the process runs, without touching the database: for a liveness probe.
         */
        get: operations["checkLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The database answers and its schema is migrated; RabbitMQ and Redis are reported when configured
         * @description Each dependency is reported by name; 503 while the database, the migrations or the configured RabbitMQ is not `up`. Parked (dead) events are counted in `details`, without a 503. Redis only holds the shared rate-limit counters and the limiter fails open (each replica counts alone) while it is away, so `redis: "down"` makes the answer `status: "degraded"` with 200: taking every replica out of the balancer for a limiter would turn a Redis outage into an API outage.
         */
        get: operations["checkReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/facebook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign in with Facebook: redirects to the Facebook login dialog
         * @description 302 to the Facebook login dialog with a single-use state, bound to this browser by a login cookie. With ?link=1 from a signed-in user, the callback attaches the Facebook identity to that account (409 if another account holds it)
         */
        get: operations["startFacebookLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/facebook/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Facebook returns here: opens a session
         * @description Creates or updates the user and opens a session (JSON for Accept: application/json, else a cookie and a 302 to the web app). Needs the `entropy_login` cookie set by GET /v1/auth/facebook (400 FACEBOOK.LOGIN_NOT_STARTED_HERE without it); clears it
         */
        get: operations["completeFacebookLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke the calling session; its token stops working at once (the session cookies are cleared)
         * @description Ends only the session that calls; other sessions of the same user stay open.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/facebook/data-deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Facebook's data deletion callback: erases that person's tokens and data (signed_request)
         * @description Called by Facebook when a person asks for their data to be deleted; answers the status URL and confirmation code Facebook shows them.
         */
        post: operations["requestDataDeletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/facebook/data-deletion/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Status of a data deletion request, by its confirmation code
         * @description The page Facebook links the person to; public, the confirmation code is the only key.
         */
        get: operations["getDataDeletionStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/facebook/deauthorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Facebook's deauthorize callback: that person's credentials become revoked (signed_request)
         * @description Called by Facebook when a person removes the app; the signed_request is verified with the app secret.
         */
        post: operations["deauthorizeFacebookUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user
         * @description The user behind the session token or cookie, with their organizations and roles; an authorization token has no user (403).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's organizations (all of them for platform admins), paged
         * @description Pages follow the `Link` header (rel="next"); `X-Total-Count` counts them all. An authorization token sees its own organization only.
         */
        get: operations["listOrganizations"];
        put?: never;
        /**
         * Create an organization; the caller becomes its owner
         * @description Only a signed-in user creates organizations, never an authorization token. The answer holds the new id; GET it for the full profile and its ETag.
         */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One organization, with its ETag
         * @description Send the ETag back in If-None-Match to get 304 with no body while it has not changed, or in If-Match on PUT to avoid lost updates.
         */
        get: operations["getOrganization"];
        /**
         * Update any subset of the profile; send If-Match to avoid lost updates
         * @description Owners and admins (or a token with write) change any profile field; `verified` and `verified_at` are for platform admins only (403 otherwise). Absent fields keep their value, null clears one.
         */
        put: operations["updateOrganization"];
        post?: never;
        /**
         * Delete an organization (owners, in a user session; never an authorization token)
         * @description Deletes its memberships, invitations and authorization tokens and unlinks its credentials (their Facebook tokens are erased). Cannot be undone.
         */
        delete: operations["deleteOrganization"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/authorization_tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's tokens that are not revoked, with their last 4 characters only, paged
         * @description For owners and admins in a user session; expired tokens are listed until revoked.
         */
        get: operations["listAuthorizationTokens"];
        put?: never;
        /**
         * Issue an authorization token (owners, admins; at most 100 active); the token is in this answer only
         * @description Owners and admins in a user session issue tokens with read, write and delete permissions and an optional expiry. Only a hash is kept: the token cannot be shown again, and an Idempotency-Key retry answers 409 instead of replaying it.
         */
        post: operations["issueAuthorizationToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/authorization_tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a token (owners, admins); it stops working at once
         * @description The next request with that token answers 401. Revoking is final: issue a new token to replace it.
         */
        delete: operations["revokeAuthorizationToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's credentials, paged
         * @description Members and tokens with read see every credential, active or revoked, without its Facebook token.
         */
        get: operations["listCredentials"];
        put?: never;
        /**
         * Link a Facebook account with the code and state Facebook returned; the token is stored encrypted
         * @description Exchanges the code for a long-lived Facebook token, encrypted at rest and never returned. The state must come from POST .../credentials/authorize for this organization.
         */
        post: operations["linkCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/credentials/{credentialId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One credential
         * @description Its Facebook account, status and scopes; never its token.
         */
        get: operations["getCredential"];
        /**
         * Re-link a credential with a fresh code and state (same Facebook account only)
         * @description Replaces the stored token of a revoked or expiring credential; a code for another Facebook account answers 409.
         */
        put: operations["relinkCredential"];
        post?: never;
        /**
         * Unlink a credential: its token is erased and the app revoked at Facebook (best effort, retried)
         * @description Needs delete permission for a token. The answer is the credential as it was when unlinked.
         */
        delete: operations["unlinkCredential"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/credentials/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start linking (or re-linking) a Facebook account: a single-use state and the Facebook dialog URL
         * @description Send the person to `dialog_url`; Facebook returns them to FACEBOOK_LINK_REDIRECT_URI with a code and the state, which POST (link) or PUT (re-link) exchange within ten minutes. No body links a new account; `credential_id` re-links that credential.
         */
        post: operations["startCredentialAuthorization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's events (CloudEvents), oldest first by sequence, paged; `after` and `type` filter
         * @description Every committed change of the organization as a CloudEvent, in commit order (`sequence`). Poll with `after` set to the last sequence seen: an event that commits late is never skipped. Owners, admins and read tokens; members get 403.
         */
        get: operations["listOrganizationEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open invitations (pending, not expired), paged
         * @description For owners and admins in a user session; authorization tokens cannot list invitations.
         */
        get: operations["listInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an invitation
         * @description The invited email will not join on its next sign-in. Owners and admins revoke invitations; only owners revoke an owner invitation.
         */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        /**
         * Change an invitation's role
         * @description Owners and admins change the role the invited person will get; only owners change an owner invitation or make one.
         */
        patch: operations["changeInvitationRole"];
        trace?: never;
    };
    "/v1/organizations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members of an organization, active and pending, paged (members, or a token with read)
         * @description Active members carry their user id; pending ones (invited, not yet signed in) carry null and their email.
         */
        get: operations["listMembers"];
        put?: never;
        /**
         * Add a member by email; only owners add owners
         * @description A person who has signed in before becomes an active member at once; anyone else gets a pending invitation, activated when that email first signs in and expiring after INVITATION_TTL_DAYS.
         */
        post: operations["addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member, or leave
         * @description Owners and admins remove members (only owners remove owners); any member may remove themselves. The last owner cannot be removed (409).
         */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Owners and admins change roles; only owners promote to owner or change an owner, and the last owner cannot be demoted (409). Tokens the member issued are revoked when they become a plain member.
         */
        patch: operations["changeMemberRole"];
        trace?: never;
    };
    "/v1/organizations/{id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's webhook endpoints, oldest first, paged; no secret
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook endpoint (at most 10); its signing secret is in this answer
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets. The URL must be https (http outside production) and not an IP literal in a private range.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook endpoint
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint; its pending deliveries are cancelled
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets.
         */
        delete: operations["removeWebhook"];
        options?: never;
        head?: never;
        /**
         * Change url, description, event_types or enabled
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets. Re-enabling resumes what is pending.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/organizations/{id}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint's deliveries, newest first, paged
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets.
         */
        get: operations["deliveriesWebhook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One more attempt of a delivery now (a failed one too)
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets.
         */
        post: operations["retryWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/webhooks/{webhookId}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a tech.entropy.webhook.ping to this endpoint only
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets. Not in the event feed nor on RabbitMQ; follow it in the delivery log.
         */
        post: operations["pingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/webhooks/{webhookId}/rotate_secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a new signing secret; for 24 h deliveries are signed with both the new and the old one
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets.
         */
        post: operations["rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/webhooks/{webhookId}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint's current signing secret
         * @description Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets.
         */
        get: operations["secretWebhook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddMemberRequestDto: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /**
             * @description Only owners may add owners
             * @example member
             * @enum {string}
             */
            role: "owner" | "admin" | "member";
        };
        AuthorizationCodeRequestDto: {
            /** @description The `code` Facebook appended to the redirect URI */
            code: string;
            /** @description The `state` from POST .../credentials/authorize, as Facebook handed it back */
            state: string;
        };
        AuthorizationResponseDto: {
            /** @example https://www.facebook.com/v25.0/dialog/oauth?client_id=...&redirect_uri=...&state=...&scope=...&response_type=code */
            authorization_url: string;
            /** Format: date-time */
            expires_at: string;
            /** @description Single-use, valid 10 minutes; Facebook hands it back to the redirect URI */
            state: string;
        };
        AuthorizationTokenResponseDto: {
            /** Format: date-time */
            created_at: string;
            /**
             * @description The user who issued it; the token is revoked when they leave or are demoted to member (null once that user is gone)
             * @example 1
             */
            created_by: number | null;
            /** @description May DELETE */
            delete_enabled: boolean;
            /** @example CI pipeline */
            description: string | null;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Updated at most once a minute
             */
            last_used_at: string | null;
            owner: components["schemas"]["TokenOwnerDto"];
            /**
             * Format: uuid
             * @description The organization the token acts for
             */
            owner_id: string;
            /** @description May GET */
            read_enabled: boolean;
            /**
             * @description The last 4 characters of the token
             * @example x7Qa
             */
            token_hint: string;
            /** @description May POST, PUT, PATCH */
            write_enabled: boolean;
        };
        CallbackAcknowledgedDto: {
            /** @example true */
            success: boolean;
        };
        ChangeInvitationRoleRequestDto: {
            /**
             * @description Only owners change an owner invitation or make one
             * @example admin
             * @enum {string}
             */
            role: "owner" | "admin" | "member";
        };
        ChangeMemberRoleRequestDto: {
            /**
             * @description Only owners may promote to owner or change an owner
             * @example admin
             * @enum {string}
             */
            role: "owner" | "admin" | "member";
        };
        CloudEventResponseDto: {
            /**
             * @example {
             *       "credential_id": 7,
             *       "name": "Carol Page",
             *       "linked_by": {
             *         "type": "user",
             *         "id": 3
             *       }
             *     }
             */
            data: {
                [key: string]: unknown;
            };
            /** @example application/json */
            datacontenttype: string;
            /** @example https://api.example.com/v1/events/schemas/credential.linked/1 */
            dataschema: string;
            /**
             * Format: uuid
             * @description The event id, the same everywhere it is delivered (deduplicate by it)
             */
            id: string;
            /**
             * Format: uuid
             * @description Present exactly when the event belongs to an organization
             */
            organizationid?: string;
            /**
             * @description Zero-padded decimal, strictly increasing in commit order
             * @example 00000000000000000042
             */
            sequence: string;
            /** @example https://api.example.com/v1/organizations/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d */
            source: string;
            /** @example 1.0 */
            specversion: string;
            /** @example credentials/7 */
            subject?: string;
            /**
             * Format: date-time
             * @description When the change committed (database clock)
             */
            time: string;
            /** @example tech.entropy.credential.linked */
            type: string;
        };
        CreatedWebhookEndpointResponseDto: {
            /** Format: date-time */
            created_at: string;
            description: string | null;
            enabled: boolean;
            /**
             * @example [
             *       "*"
             *     ]
             */
            event_types: string[];
            /** Format: uuid */
            id: string;
            /** @description The organization's `webhook_url` */
            primary: boolean;
            /**
             * @description Shown here, at GET .../secret and on rotation only
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
            /** Format: date-time */
            updated_at: string;
            /** @example https://example.com/webhooks/entropy */
            url: string;
        };
        CreateOrganizationRequestDto: {
            /** @example 1313 Mockingbird Lane */
            address?: string | null;
            /** @example Since 1994 */
            bio?: string | null;
            /** @example Bloomington */
            city?: string | null;
            /**
             * Format: email
             * @example hello@example.com
             */
            contact_email?: string | null;
            /** @example United States */
            country?: string | null;
            /**
             * @description ISO 4217 code
             * @example MXN
             */
            currency?: string | null;
            /**
             * Format: uri
             * @example http://fake.fake
             */
            domain?: string | null;
            /**
             * Format: uri
             * @example https://www.facebook.com/example
             */
            facebook_url?: string | null;
            /**
             * Format: email
             * @example legal@example.com
             */
            legal_contact_email?: string | null;
            /**
             * Format: uri
             * @example https://www.linkedin.com/example
             */
            linked_in_url?: string | null;
            /** @example Fake organization */
            name: string;
            /** @example Auto Parts Reseller */
            organization_type?: string | null;
            /**
             * Format: uri
             * @example https://cdn.example.com/logo.png
             */
            photo_url?: string | null;
            /** @example Minnesota */
            state_or_province?: string | null;
            /**
             * Format: email
             * @example support@example.com
             */
            support_email?: string | null;
            /**
             * Format: uri
             * @example https://example.com/support
             */
            support_url?: string | null;
            /**
             * Format: email
             * @example tech@example.com
             */
            technical_contact_email?: string | null;
            /**
             * Format: uri
             * @example https://twitter.com/example
             */
            twitter_url?: string | null;
            /**
             * Format: uri
             * @example https://example.com/webhook
             */
            webhook_url?: string | null;
            /**
             * Format: uri
             * @example https://www.example.com
             */
            website_url?: string | null;
            /** @example 55437 */
            zip_or_postal_code?: string | null;
        };
        CreateWebhookRequestDto: {
            description?: string | null;
            /** @default true */
            enabled: boolean;
            /**
             * @description Routing keys of the event catalogue (the type without `tech.entropy.`), or `["*"]` for every event
             * @default [
             *       "*"
             *     ]
             * @example [
             *       "organization.updated",
             *       "member.added"
             *     ]
             */
            event_types: components["schemas"]["WebhookEventType"][];
            /** @example https://example.com/webhooks/entropy */
            url: string;
        };
        CredentialResponseDto: {
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description When the Facebook token expires; null if it does not
             */
            expires_at: string | null;
            /** @example 10000000001 */
            facebook_user_id: string;
            /** @example 1 */
            id: number;
            /**
             * @description The Facebook account's name
             * @example Ada Lovelace
             */
            name: string;
            /**
             * @example [
             *       "public_profile",
             *       "pages_show_list"
             *     ]
             */
            scopes: string[];
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** Format: date-time */
            updated_at: string;
        };
        DataDeletionResponseDto: {
            /** @example 3f9c0d2a7b1e4c5d8e9f0a1b */
            confirmation_code: string;
            /** @example http://localhost:3000/v1/facebook/data-deletion/3f9c0d... */
            url: string;
        };
        DataDeletionStatusResponseDto: {
            /** Format: date-time */
            completed_at: string | null;
            confirmation_code: string;
            /**
             * @description Credentials of that Facebook account that were erased
             * @example 2
             */
            credentials_erased: number;
            /** Format: date-time */
            requested_at: string;
            /** @enum {string} */
            status: "completed";
        };
        DeliveryIdResponseDto: {
            /** Format: uuid */
            delivery_id: string;
        };
        ErrorDetailDto: {
            /** @example currency */
            field: string;
            /** @example currency must be an ISO 4217 currency code */
            message: string;
        };
        ErrorResponseDto: {
            /**
             * @description Stable, machine-readable
             * @example ORGANIZATIONS.NOT_FOUND
             */
            code: string;
            details?: components["schemas"]["ErrorDetailDto"][];
            /** @example Not Found */
            error: string;
            /** @example Organization not found */
            message: string;
            /** @example 404 */
            statusCode: number;
        };
        InvitationResponseDto: {
            /** Format: date-time */
            created_at: string;
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /**
             * Format: date-time
             * @description After this the invitation is never taken up (INVITATION_TTL_DAYS)
             */
            expires_at: string;
            /** Format: uuid */
            id: string;
            /**
             * @description User id of who invited; null when unknown (older invitations, or that user is gone)
             * @example 42
             */
            invited_by: number | null;
            /**
             * @description The role the person gets when they take the invitation up
             * @enum {string}
             */
            role: "owner" | "admin" | "member";
        };
        IssuedAuthorizationTokenResponseDto: {
            /** Format: date-time */
            created_at: string;
            /**
             * @description The user who issued it; the token is revoked when they leave or are demoted to member (null once that user is gone)
             * @example 1
             */
            created_by: number | null;
            /** @description May DELETE */
            delete_enabled: boolean;
            /** @example CI pipeline */
            description: string | null;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Updated at most once a minute
             */
            last_used_at: string | null;
            owner: components["schemas"]["TokenOwnerDto"];
            /**
             * Format: uuid
             * @description The organization the token acts for
             */
            owner_id: string;
            /** @description May GET */
            read_enabled: boolean;
            /**
             * @description The token itself; shown in this answer only, store it now
             * @example ent_o_...
             */
            token: string;
            /** @description May POST, PUT, PATCH */
            write_enabled: boolean;
        };
        IssueTokenRequestDto: {
            /**
             * @description May DELETE
             * @default false
             */
            delete_enabled: boolean;
            /** @example CI pipeline */
            description?: string | null;
            /**
             * Format: date-time
             * @description Must be in the future; null or absent: never expires
             * @example 2030-12-31T23:59:59Z
             */
            expires_at?: string | null;
            /**
             * @description May GET
             * @default true
             */
            read_enabled: boolean;
            /**
             * @description May POST, PUT, PATCH
             * @default false
             */
            write_enabled: boolean;
        };
        MemberResponseDto: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string | null;
            /**
             * @description The user id; null while the membership is pending
             * @example 42
             */
            id: number | null;
            /**
             * Format: uuid
             * @description The invitation while pending; null for active members
             */
            invitation_id: string | null;
            /** Format: date-time */
            joined_at: string | null;
            /**
             * @description null while pending
             * @example Ada Lovelace
             */
            name: string | null;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            /**
             * @description pending until someone with this email first signs in
             * @enum {string}
             */
            status: "active" | "pending";
        };
        MeResponseDto: {
            /** @example ada@example.com */
            email: string | null;
            /** @example 1 */
            id: number;
            /** @description Platform admins may read and manage every organization */
            is_admin: boolean;
            /** @example Ada Lovelace */
            name: string;
        };
        OrganizationIdResponseDto: {
            /**
             * Format: uuid
             * @example 00000000-0000-0000-000a-000a000000aa
             */
            id: string;
        };
        OrganizationResponseDto: {
            address: string | null;
            bio: string | null;
            city: string | null;
            contact_email: string | null;
            country: string | null;
            /** Format: date-time */
            created_at: string;
            /** @example MXN */
            currency: string | null;
            domain: string | null;
            facebook_url: string | null;
            /** Format: uuid */
            id: string;
            legal_contact_email: string | null;
            linked_in_url: string | null;
            /** @description address, city, state, zip and country joined */
            location: string | null;
            /** @example My fake organization */
            name: string;
            organization_type: string | null;
            photo_url: string | null;
            /**
             * @description The caller's role; null for platform admins and tokens
             * @enum {string|null}
             */
            role: "owner" | "admin" | "member" | null;
            state_or_province: string | null;
            support_email: string | null;
            support_url: string | null;
            technical_contact_email: string | null;
            twitter_url: string | null;
            /** Format: date-time */
            updated_at: string;
            /** @example my-fake-organization */
            vanity_slug: string;
            /** @example http://localhost:3000/org/my-fake-organization */
            vanity_url: string;
            verified: boolean;
            /** Format: date-time */
            verified_at: string | null;
            webhook_url: string | null;
            website_url: string | null;
            zip_or_postal_code: string | null;
        };
        SessionResponseDto: {
            /**
             * @description Shown once; send as `Authorization: Bearer <token>`
             * @example ent_s_...
             */
            access_token: string;
            /**
             * @description Seconds until the session expires
             * @example 2592000
             */
            expires_in: number;
            /** @example Bearer */
            token_type: string;
            user: components["schemas"]["UserSummaryDto"];
        };
        SignedRequestRequestDto: {
            /** @description base64url(HMAC-SHA256 signature).base64url(JSON payload with user_id) */
            signed_request: string;
        };
        StartAuthorizationRequestDto: {
            /**
             * @description The credential to re-link; omit to link a new Facebook account
             * @example 1
             */
            credential_id?: number;
        };
        TokenOwnerDto: {
            /** Format: uuid */
            id: string;
            /** @example My fake organization */
            name: string;
            /** @enum {string} */
            type: "Organization";
            /** @example http://localhost:3000/v1/organizations/00000000-0000-0000-000a-000a000000aa */
            url: string;
        };
        UpdateOrganizationRequestDto: {
            /** @example 1313 Mockingbird Lane */
            address?: string | null;
            /** @example Since 1994 */
            bio?: string | null;
            /** @example Bloomington */
            city?: string | null;
            /**
             * Format: email
             * @example hello@example.com
             */
            contact_email?: string | null;
            /** @example United States */
            country?: string | null;
            /**
             * @description ISO 4217 code
             * @example MXN
             */
            currency?: string | null;
            /**
             * Format: uri
             * @example http://fake.fake
             */
            domain?: string | null;
            /**
             * Format: uri
             * @example https://www.facebook.com/example
             */
            facebook_url?: string | null;
            /**
             * Format: email
             * @example legal@example.com
             */
            legal_contact_email?: string | null;
            /**
             * Format: uri
             * @example https://www.linkedin.com/example
             */
            linked_in_url?: string | null;
            /** @example Example Organization */
            name?: string;
            /** @example Auto Parts Reseller */
            organization_type?: string | null;
            /**
             * Format: uri
             * @description Alias of photo_url (Credly seed)
             * @example https://cdn.example.com/logo.png
             */
            photo?: string | null;
            /**
             * Format: uri
             * @example https://cdn.example.com/logo.png
             */
            photo_url?: string | null;
            /** @example Minnesota */
            state_or_province?: string | null;
            /**
             * Format: email
             * @example support@example.com
             */
            support_email?: string | null;
            /**
             * Format: uri
             * @example https://example.com/support
             */
            support_url?: string | null;
            /**
             * Format: email
             * @example tech@example.com
             */
            technical_contact_email?: string | null;
            /**
             * Format: uri
             * @example https://twitter.com/example
             */
            twitter_url?: string | null;
            /**
             * @description Platform admins only
             * @example true
             */
            verified?: boolean;
            /**
             * Format: date-time
             * @description Platform admins only
             * @example 2026-01-15T09:30:00Z
             */
            verified_at?: string | null;
            /**
             * Format: uri
             * @example https://example.com/webhook
             */
            webhook_url?: string | null;
            /**
             * Format: uri
             * @example https://www.example.com
             */
            website_url?: string | null;
            /** @example 55437 */
            zip_or_postal_code?: string | null;
        };
        UpdateWebhookRequestDto: {
            description?: string | null;
            /** @description Re-enabling resumes the delivery of what is pending */
            enabled?: boolean;
            /**
             * @description Routing keys of the event catalogue (the type without `tech.entropy.`), or `["*"]` for every event
             * @example [
             *       "organization.updated",
             *       "member.added"
             *     ]
             */
            event_types?: components["schemas"]["WebhookEventType"][];
            /** @example https://example.com/webhooks/entropy */
            url?: string;
        };
        UserSummaryDto: {
            /** @example ada@example.com */
            email: string | null;
            /** @example 1 */
            id: number;
            /** @example Ada Lovelace */
            name: string;
        };
        WebhookDeliveryResponseDto: {
            attempts: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            delivered_at: string | null;
            /**
             * Format: uuid
             * @description The CloudEvent id, sent as `webhook-id`
             */
            event_id: string;
            /** @example tech.entropy.organization.updated */
            event_type: string;
            /** Format: uuid */
            id: string;
            last_duration_ms: number | null;
            /** @description Why the last attempt failed, or the start of the answer (at most 1 kB) */
            last_error: string | null;
            last_status_code: number | null;
            /** Format: date-time */
            next_attempt_at: string | null;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "cancelled";
        };
        WebhookEndpointResponseDto: {
            /** Format: date-time */
            created_at: string;
            description: string | null;
            enabled: boolean;
            /**
             * @example [
             *       "*"
             *     ]
             */
            event_types: string[];
            /** Format: uuid */
            id: string;
            /** @description The organization's `webhook_url` */
            primary: boolean;
            /** Format: date-time */
            updated_at: string;
            /** @example https://example.com/webhooks/entropy */
            url: string;
        };
        /**
         * @description Routing keys of the event catalogue (the type without `tech.entropy.`), or `["*"]` for every event
         * @enum {string}
         */
        WebhookEventType: "*" | "organization.created" | "organization.updated" | "organization.deleted" | "member.added" | "member.activated" | "member.role_changed" | "member.removed" | "invitation.revoked" | "invitation.expired" | "credential.linked" | "credential.relinked" | "credential.unlinked" | "credential.revoked" | "credential.expired" | "authorization_token.issued" | "authorization_token.revoked" | "webhook_endpoint.created" | "webhook_endpoint.updated" | "webhook_endpoint.deleted" | "webhook_endpoint.disabled";
        WebhookSecretResponseDto: {
            /** @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw */
            secret: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Correlates the answer with the service's log lines: the caller's well-formed X-Request-Id, otherwise a UUID */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    checkLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    checkReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    startFacebookLogin: {
        parameters: {
            query?: {
                /** @description Attach the Facebook identity to the signed-in caller (session cookie or bearer session token) at the callback, instead of signing in by it; 401 without a signed-in caller */
                link?: "1";
                /** @description Where the browser lands after signing in; must be on the WEB_APP_URL origin (a path is resolved against it) */
                redirect?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the Facebook login dialog. Sets the `entropy_login` cookie (HttpOnly; Secure; SameSite=Lax; Path=/v1/auth/facebook; 10 minutes), which the callback requires: API clients must keep it (a cookie jar) and send it back with the callback */
            302: {
                headers: {
                    Location?: string;
                    "Set-Cookie"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    completeFacebookLogin: {
        parameters: {
            query: {
                /** @description Authorization code from Facebook */
                code?: string;
                /** @description Set by Facebook when the person cancels (access_denied) */
                error?: string;
                /** @description The single-use state issued by GET /v1/auth/facebook */
                state: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With `Accept: application/json` */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponseDto"];
                };
            };
            /** @description Otherwise: to WEB_APP_URL (or the validated redirect) with the session in an HttpOnly; Secure; SameSite=Lax cookie `entropy_session` and the CSRF cookie `entropy_csrf`; on a denial or bad state, to the web app with `error` and `error_description` */
            302: {
                headers: {
                    Location?: string;
                    "Set-Cookie"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Facebook is unreachable or failed */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    requestDataDeletion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignedRequestRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["SignedRequestRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataDeletionResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getDataDeletionStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataDeletionStatusResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    deauthorizeFacebookUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignedRequestRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["SignedRequestRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackAcknowledgedDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `Link: rel="next"` */
                cursor?: string;
                /** @description Items per page */
                per?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    Link?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationResponseDto"][];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganizationRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationIdResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a previous GET; unchanged: 304 with no body */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationResponseDto"];
                };
            };
            /** @description Not modified since the ETag in If-None-Match */
            304: {
                headers: {
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganizationRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description If-Match does not match the current ETag */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    deleteOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listAuthorizationTokens: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `Link: rel="next"` */
                cursor?: string;
                /** @description Items per page */
                per?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    Link?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationTokenResponseDto"][];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    issueAuthorizationToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueTokenRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description no-store: the answer holds a secret shown once */
                    "Cache-Control"?: "no-store";
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedAuthorizationTokenResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    revokeAuthorizationToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listCredentials: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `Link: rel="next"` */
                cursor?: string;
                /** @description Items per page */
                per?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    Link?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialResponseDto"][];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    linkCredential: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizationCodeRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Facebook is unreachable or failed */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                credentialId: number;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    relinkCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                credentialId: number;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizationCodeRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Facebook is unreachable or failed */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    unlinkCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                credentialId: number;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credential as it was when unlinked */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    startCredentialAuthorization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StartAuthorizationRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description no-store: the answer holds a secret shown once */
                    "Cache-Control"?: "no-store";
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listOrganizationEvents: {
        parameters: {
            query?: {
                /** @description Only events whose `sequence` is greater than this one */
                after?: string;
                /** @description Opaque cursor from the previous page's `Link: rel="next"` */
                cursor?: string;
                /** @description Items per page */
                per?: number;
                /** @description Comma list of event types without `tech.entropy.` */
                type?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    Link?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CloudEventResponseDto"][];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `Link: rel="next"` */
                cursor?: string;
                /** @description Items per page */
                per?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    Link?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationResponseDto"][];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    changeInvitationRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeInvitationRoleRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `Link: rel="next"` */
                cursor?: string;
                /** @description Items per page */
                per?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    Link?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberResponseDto"][];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    addMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    changeMemberRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeMemberRoleRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `Link: rel="next"` */
                cursor?: string;
                /** @description Items per page */
                per?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    Link?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointResponseDto"][];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookEndpointResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    removeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 100 kB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Content-Type other than application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    deliveriesWebhook: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's `Link: rel="next"` */
                cursor?: string;
                /** @description Items per page */
                per?: number;
            };
            header?: never;
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    Link?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryResponseDto"][];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    retryWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                deliveryId: string;
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    pingWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryIdResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    rotateSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    secretWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretResponseDto"];
                };
            };
            /** @description Invalid input (unknown field, wrong type, bad id) */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No, unknown, expired or revoked credential */
            401: {
                headers: {
                    /** @description Bearer realm="entropy" */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token) */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Absent, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Requests allowed a minute */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this minute */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent */
            503: {
                headers: {
                    /** @description Seconds to wait (2 with DATABASE.UNAVAILABLE) */
                    "Retry-After"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
}
