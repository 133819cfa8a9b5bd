/**
 * Helpers of the core that are not part of its API: they are public only so that the domain
 * packages can share them, may change in any release, and are left out of the Javadoc.
 */
package nl.pakketten.internal;
