//! Outgoing email. Messages are queued as jobs (see `jobs`) and sent by the worker through
//! SMTP, or written to the log when the site runs as a demo.

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use sqlx::{Any, Executor};

use crate::config::{MailConfig, MailTransport, SmtpSecurity};

pub const JOB_KIND: &str = "email";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Queues an email in the caller's transaction (or directly on the pool).
pub async fn queue<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    email: &Email,
) -> anyhow::Result<()> {
    crate::jobs::enqueue(executor, JOB_KIND, email).await
}

/// Queues several emails, all or none.
pub async fn queue_all(db: &crate::db::Db, emails: &[Email]) -> anyhow::Result<()> {
    let mut tx = crate::db::begin(db)
        .await
        .context("starting a transaction")?;
    for email in emails {
        queue(&mut *tx, email).await?;
    }
    tx.commit().await.context("committing queued emails")?;
    Ok(())
}

#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    Log {
        from: Mailbox,
    },
}

impl Mailer {
    pub fn from_config(config: &MailConfig) -> anyhow::Result<Mailer> {
        let from: Mailbox = config
            .from
            .parse()
            .with_context(|| format!("mail.from is not an address: {:?}", config.from))?;
        if config.transport == MailTransport::Log {
            return Ok(Mailer::Log { from });
        }
        let builder = match config.smtp_security {
            SmtpSecurity::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.smtp_host)
            }
            SmtpSecurity::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&config.smtp_host)
                    .context("setting up SMTP with STARTTLS")?
            }
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&config.smtp_host)
                .context("setting up SMTP over TLS")?,
        };
        let mut builder = builder.port(config.smtp_port);
        if !config.smtp_username.is_empty() {
            builder = builder.credentials(Credentials::new(
                config.smtp_username.clone(),
                config.smtp_password.expose().to_string(),
            ));
        }
        Ok(Mailer::Smtp {
            transport: builder.build(),
            from,
        })
    }

    pub async fn send(&self, email: &Email) -> anyhow::Result<()> {
        self.send_with_unsubscribe(email, None).await
    }

    /// Sends; with `unsubscribe`, adds the one-click unsubscribe headers of RFC 8058 so mail
    /// programs can offer "Unsubscribe" that POSTs to that address.
    pub async fn send_with_unsubscribe(
        &self,
        email: &Email,
        unsubscribe: Option<&str>,
    ) -> anyhow::Result<()> {
        match self {
            Mailer::Log { from } => {
                // Subjects and bodies carry what people typed (a title, a name): escaped, and
                // the body set off line by line, they cannot pass for lines of the log.
                tracing::info!(
                    from = %one_line(&from.to_string()),
                    to = %one_line(&email.to),
                    subject = %one_line(&email.subject),
                    body = %format_args!("\n{}", set_off(&email.body)),
                    "email (not sent: mail transport is `log`)"
                );
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let to: Mailbox = email
                    .to
                    .parse()
                    .with_context(|| format!("recipient is not an address: {:?}", email.to))?;
                let mut builder = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(&email.subject)
                    .header(ContentType::TEXT_PLAIN);
                if let Some(url) = unsubscribe {
                    builder = builder
                        .raw_header(HeaderValue::new(
                            HeaderName::new_from_ascii_str("List-Unsubscribe"),
                            format!("<{url}>"),
                        ))
                        .raw_header(HeaderValue::new(
                            HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                            "List-Unsubscribe=One-Click".to_string(),
                        ));
                }
                let message = builder
                    .body(email.body.clone())
                    .context("building an email")?;
                transport
                    .send(message)
                    .await
                    .context("sending an email by SMTP")?;
                Ok(())
            }
        }
    }
}

/// Text for one line of the log: control characters (CR, LF, escape, ...) and the Unicode
/// line and direction marks are written as escapes such as `\r` and `\u{2028}`.
fn one_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    for c in text.chars() {
        let invisible = c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if invisible {
            line.extend(c.escape_default());
        } else {
            line.push(c);
        }
    }
    line
}

/// A message body for the log: each of its lines starts with `  | `, so none can look like
/// a log line of its own, and each is escaped as [`one_line`].
fn set_off(body: &str) -> String {
    body.split('\n')
        .map(|line| format!("  | {}", one_line(line.strip_suffix('\r').unwrap_or(line))))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use super::*;

    /// What the log subscriber wrote.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
        type Writer = Captured;
        fn make_writer(&'a self) -> Captured {
            self.clone()
        }
    }

    #[tokio::test]
    async fn typed_text_cannot_forge_log_lines() {
        let captured = Captured::default();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(captured.clone())
            .with_ansi(false)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let mailer = Mailer::Log {
            from: "Square Mile <noreply@squaremile.invalid>".parse().unwrap(),
        };
        let forged = "2026-01-01T00:00:00.000000Z  INFO squaremile::accounts: signed in user=admin";
        mailer
            .send(&Email {
                to: "ola@example.org".into(),
                subject: format!("Łódź bench\r\nFAKE LINE\r{forged}\u{2028}x"),
                body: format!("Hello,\r\n\n{forged}\rFAKE LINE\n\u{1b}[2Jthe end"),
            })
            .await
            .unwrap();
        let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<&str> = log.lines().collect();
        assert!(
            lines[0].contains("INFO") && lines[0].contains("not sent"),
            "{log}"
        );
        assert!(
            lines[0].contains(r"subject=Łódź bench\r\nFAKE LINE\r2026-01-01")
                && lines[0].contains(r"\u{2028}x"),
            "{log}"
        );
        // Every further line is the body's, set off; none is a log line or a bare forgery.
        assert_eq!(lines.len(), 5, "{log}");
        for line in &lines[1..] {
            assert!(line.starts_with("  | "), "{line:?} in\n{log}");
            assert!(!line.contains('\r') && !line.contains('\u{1b}'), "{line:?}");
        }
        assert_eq!(lines[3], format!(r"  | {forged}\rFAKE LINE"));
        assert_eq!(lines[4], r"  | \u{1b}[2Jthe end");
        assert!(!log.contains('\u{2028}'));
    }
}
