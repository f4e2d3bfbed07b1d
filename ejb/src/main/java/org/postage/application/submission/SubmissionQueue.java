package org.postage.application.submission;

/**
 * The durable queue of accepted submissions waiting to be checked and split. Enqueueing joins the caller's
 * transaction.
 */
public interface SubmissionQueue {

    void enqueue(AcceptedSubmission submission, byte[] rawMessage);
}
