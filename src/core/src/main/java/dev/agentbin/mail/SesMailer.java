package dev.agentbin.mail;

import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Amazon SES (API v2 SendEmail): a simple UTF-8 text message from the configured sender. */
final class SesMailer implements Mailer {

    private static final String UTF_8 = "UTF-8";

    private final SesV2Client ses;
    private final String from;

    SesMailer(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public void send(Mail mail) {
        ses.sendEmail(request -> request.fromEmailAddress(from)
                .destination(to -> to.toAddresses(mail.to()))
                .content(content -> content.simple(message -> message.subject(
                                subject -> subject.data(mail.subject()).charset(UTF_8))
                        .body(body -> body.text(text -> text.data(mail.text()).charset(UTF_8))))));
    }
}
