/** MDBs that take entries off the submission and outbound queues and call one application service each. */
package org.postage.interfaces.jms;
