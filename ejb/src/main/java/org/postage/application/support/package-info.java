/** Small mechanisms shared by the use cases: group commits, the lookup cache, unique-key checks, the host name. */
package org.postage.application.support;
