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
                tracing::info!(from = %from, to = %email.to, subject = %email.subject,
                    "email (not sent: mail transport is `log`)\n{}", email.body);
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
