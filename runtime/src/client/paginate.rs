//! Paging through an operation's results: a stream of pages, each the
//! operation's output, and a stream of the items the pages hold.
//!
//! A generated crate says, per paginated operation, how to send one page's
//! request and how the next request follows from a page ([`Paginated`]);
//! the streams here do the rest. They end when a page has no next token (or
//! an empty one), when the token repeats (a service bug that would otherwise
//! loop forever), or after the first error.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use super::error::{SdkError, ServiceError};
use super::handle::Handle;

/// What a generated crate states about one paginated operation.
pub trait Paginated: 'static {
    /// The operation's input.
    type Input: Clone + PartialEq + Send + Sync + 'static;
    /// The operation's output: one page.
    type Output: Send + 'static;
    /// The operation's error.
    type Error: ServiceError;
    /// Sends one page's request.
    fn send(
        handle: Arc<Handle>,
        input: Self::Input,
    ) -> impl Future<Output = Result<Self::Output, SdkError<Self::Error>>> + Send + 'static;
    /// The request for the page after `output`, requested with `input`;
    /// `None` when `output` is the last page.
    fn next_input(input: &Self::Input, output: &Self::Output) -> Option<Self::Input>;
}

/// What a generated crate states about the items of an operation's pages.
pub trait PaginatedItems: Paginated {
    /// One item.
    type Item: Send + 'static;
    /// The items of one page, in order.
    fn items(output: Self::Output) -> Vec<Self::Item>;
}

/// A page, or why there is none.
type PageResult<P> = Result<<P as Paginated>::Output, SdkError<<P as Paginated>::Error>>;
/// An item, or why there is none.
type ItemResult<P> = Result<<P as PaginatedItems>::Item, SdkError<<P as Paginated>::Error>>;

type PageFuture<P> = Pin<
    Box<
        dyn Future<Output = Result<<P as Paginated>::Output, SdkError<<P as Paginated>::Error>>>
            + Send,
    >,
>;

/// The pages of a paginated operation, one request each, in order; a
/// [`futures_core::Stream`], and [`next`](Pages::next) for a plain loop.
pub struct Pages<P: Paginated> {
    handle: Arc<Handle>,
    /// The next page's request; `None` once the last page was requested.
    next: Option<P::Input>,
    /// Why there is no first request (an incomplete input), reported by
    /// the first poll.
    refused: Option<SdkError<P::Error>>,
    in_flight: Option<(P::Input, PageFuture<P>)>,
}

impl<P: Paginated> Pages<P> {
    /// The pages from `first` on; when there is no first request, the
    /// stream's one item is the error.
    pub fn new(handle: Arc<Handle>, first: Result<P::Input, SdkError<P::Error>>) -> Self {
        let (next, refused) = match first {
            Ok(input) => (Some(input), None),
            Err(error) => (None, Some(error)),
        };
        Pages {
            handle,
            next,
            refused,
            in_flight: None,
        }
    }

    /// The next page, or `None` after the last (or after an error).
    pub async fn next(&mut self) -> Option<PageResult<P>> {
        std::future::poll_fn(|cx| self.poll_page(cx)).await
    }

    /// The items of every page, one at a time.
    pub fn items(self) -> Items<P>
    where
        P: PaginatedItems,
    {
        Items {
            pages: self,
            buffered: VecDeque::new(),
        }
    }

    /// Every page, or the first error.
    pub async fn collect(mut self) -> Result<Vec<P::Output>, SdkError<P::Error>> {
        let mut pages = Vec::new();
        while let Some(page) = self.next().await {
            pages.push(page?);
        }
        Ok(pages)
    }

    fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<PageResult<P>>> {
        if let Some(error) = self.refused.take() {
            return Poll::Ready(Some(Err(error)));
        }
        if self.in_flight.is_none() {
            let Some(input) = self.next.take() else {
                return Poll::Ready(None);
            };
            let future = Box::pin(P::send(self.handle.clone(), input.clone()));
            self.in_flight = Some((input, future));
        }
        let Some((_, future)) = self.in_flight.as_mut() else {
            return Poll::Ready(None);
        };
        let result = match future.as_mut().poll(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(result) => result,
        };
        let Some((input, _)) = self.in_flight.take() else {
            return Poll::Ready(None);
        };
        if let Ok(output) = &result {
            // A next request equal to this one means the token repeated.
            self.next = P::next_input(&input, output).filter(|next| *next != input);
        }
        Poll::Ready(Some(result))
    }
}

impl<P: Paginated> Unpin for Pages<P> {}

impl<P: Paginated> futures_core::Stream for Pages<P> {
    type Item = Result<P::Output, SdkError<P::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_page(cx)
    }
}

/// The items of a paginated operation's pages, in order; a
/// [`futures_core::Stream`], and [`next`](Items::next) for a plain loop.
pub struct Items<P: PaginatedItems> {
    pages: Pages<P>,
    buffered: VecDeque<P::Item>,
}

impl<P: PaginatedItems> Items<P> {
    /// The next item, or `None` after the last (or after an error).
    pub async fn next(&mut self) -> Option<ItemResult<P>> {
        std::future::poll_fn(|cx| self.poll_item(cx)).await
    }

    /// Every item, or the first error.
    pub async fn collect(mut self) -> Result<Vec<P::Item>, SdkError<P::Error>> {
        let mut items = Vec::new();
        while let Some(item) = self.next().await {
            items.push(item?);
        }
        Ok(items)
    }

    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<ItemResult<P>>> {
        loop {
            if let Some(item) = self.buffered.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            match self.pages.poll_page(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(Err(error))) => return Poll::Ready(Some(Err(error))),
                Poll::Ready(Some(Ok(page))) => self.buffered.extend(P::items(page)),
            }
        }
    }
}

impl<P: PaginatedItems> Unpin for Items<P> {}

impl<P: PaginatedItems> futures_core::Stream for Items<P> {
    type Item = Result<P::Item, SdkError<P::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_item(cx)
    }
}
