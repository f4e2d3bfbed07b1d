/** Adapters in: MDBs that unpack what arrives (an SMTP phase, a queue entry) and call one application service. */
package org.postage.interfaces;
