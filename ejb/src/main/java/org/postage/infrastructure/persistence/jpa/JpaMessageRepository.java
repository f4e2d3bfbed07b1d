package org.postage.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.postage.domain.message.Message;
import org.postage.domain.message.MessageEvent;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.MessageRepository;
import org.postage.domain.message.QueueId;
import org.postage.domain.message.Submission;

@ApplicationScoped
public class JpaMessageRepository implements MessageRepository {

    @PersistenceContext
    EntityManager em;

    @Override
    public void add(Submission submission) {
        em.persist(submission);
    }

    @Override
    public Optional<Submission> findSubmission(QueueId id) {
        return Optional.ofNullable(em.find(Submission.class, id.value()));
    }

    @Override
    public Optional<Message> find(MessageId id) {
        return Optional.ofNullable(em.find(Message.class, id.value()));
    }

    @Override
    public void record(MessageEvent event) {
        em.persist(event);
    }

    @Override
    public List<MessageEvent> events(MessageId id) {
        return em.createQuery("select e from MessageEvent e where e.messageId = :id order by e.id", MessageEvent.class)
                .setParameter("id", id.value())
                .getResultList();
    }

    @Override
    public void remove(Submission submission) {
        List<String> ids =
                submission.getMessages().stream().map(m -> m.getId().value()).toList();
        if (!ids.isEmpty()) {
            em.createQuery("delete from MessageEvent e where e.messageId in :ids")
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
        em.remove(submission);
    }
}
