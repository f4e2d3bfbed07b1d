package org.postage.smtp.server.command;

import org.postage.smtp.server.AuthFailureThrottle;
import org.postage.smtp.server.ListenerInvoker;
import org.postage.smtp.server.SmtpSettings;

/** What the commands of one server share. */
public record CommandContext(SmtpSettings settings, ListenerInvoker invoker, AuthFailureThrottle throttle) {}
