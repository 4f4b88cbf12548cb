package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.domain.agreement.AgreementKind;
import io.bankcrm.crosssell.domain.agreement.AgreementStatus;
import io.bankcrm.crosssell.service.AgreementHistoryLine;
import io.bankcrm.crosssell.service.AgreementRequest;
import io.bankcrm.crosssell.service.Agreements;
import io.bankcrm.crosssell.service.StatusRequest;
import io.bankcrm.crosssell.service.StoredAgreement;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.web.IdempotentRequests;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** What the payroll and the collection agreement resources do alike, for their kind and path. */
@ApplicationScoped
public class AgreementEndpoints {

    private final Agreements agreements;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    public AgreementEndpoints(Agreements agreements, IdempotentRequests idempotent, Caller caller) {
        this.agreements = agreements;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    Response create(String path, AgreementRequest request, String idempotencyKey) {
        return idempotent.execute("POST " + path, idempotencyKey, request, () -> {
            StoredAgreement a = agreements.create(request, caller.name());
            return Response.created(URI.create(path + "/" + a.id())).entity(AgreementView.of(a))
                    .tag(Versions.etag(a.version())).build();
        });
    }

    Page<AgreementView> list(AgreementKind kind, UUID corporateId, AgreementStatus status, Integer limit,
                             String cursor) {
        Page<StoredAgreement> page = agreements.list(kind, corporateId, status, PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(AgreementView::of).toList(), page.nextCursor());
    }

    Response get(AgreementKind kind, UUID id) {
        StoredAgreement a = agreements.get(kind, id);
        return Response.ok(AgreementView.of(a)).tag(Versions.etag(a.version())).build();
    }

    Response changeStatus(AgreementKind kind, UUID id, StatusRequest request, String ifMatch) {
        StoredAgreement a = agreements.changeStatus(kind, id, request.status(), request.reason(), ifMatch,
                caller.name());
        return Response.ok(AgreementView.of(a)).tag(Versions.etag(a.version())).build();
    }

    List<AgreementHistoryLine> history(AgreementKind kind, UUID id) {
        return agreements.history(kind, id);
    }
}
