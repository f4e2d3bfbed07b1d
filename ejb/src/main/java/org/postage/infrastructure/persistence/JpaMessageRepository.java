package org.postage.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.postage.domain.Message;
import org.postage.domain.MessageRepository;
import org.postage.domain.QueueId;

@ApplicationScoped
public class JpaMessageRepository implements MessageRepository {

    @PersistenceContext
    EntityManager em;

    @Override
    public void add(Message message) {
        em.persist(message);
    }

    @Override
    public Optional<Message> find(QueueId queueId) {
        return Optional.ofNullable(em.find(Message.class, queueId.value()));
    }
}
