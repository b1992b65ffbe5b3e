/**
 * Access control: who calls (hashed API keys, JWTs from an identity provider), which tenant and roles they have,
 * their quotas, and 401/403/429 as problem+json. Knows no kind; the job machinery only sees a {@code JobScope}.
 */
package dev.computeplan.security;
